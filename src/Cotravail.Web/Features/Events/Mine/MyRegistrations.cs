using System.Globalization;
using System.Text.Json;
using Cotravail.Web.Data;
using Cotravail.Web.Features.Sites;
using Cotravail.Web.Features.Sites.Signups;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Web.Features.Events.Mine;

public enum MyCancelOutcome
{
    Cancelled,
    /// <summary>Not the member's, or unknown: nothing changed (another person's registration is not revealed).</summary>
    NotFound,
    AlreadyCancelled,
    Started,
}

/// <summary>
/// What the signed-in member signed up for: their event registrations and coaching slots (matched by account, never by
/// e-mail address: a registration made without an account stays reachable through the links of its e-mails), and what
/// the other features' <see cref="IMemberSignups"/> list (volunteering). Cancelling goes through the same commands as
/// the e-mail's link: place given back, first in line promoted, both told by e-mail.
/// </summary>
public sealed class MyRegistrations(AppDbContext db, RegistrationCommands commands, IEnumerable<IMemberSignups> signups, TimeProvider clock)
{
    public const int Shown = 300;

    /// <summary>Upcoming first (soonest first), then past and cancelled (latest first).</summary>
    public async Task<IReadOnlyList<MyItem>> ListAsync(string userId, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var registrations = await db.EventRegistrations.AsNoTracking().Include(r => r.Event).ThenInclude(e => e!.Site)
            .Where(r => r.UserId == userId)
            .OrderByDescending(r => r.Event!.StartUtc).ThenByDescending(r => r.Id).Take(Shown).ToListAsync(ct);
        // One line per event: the active registration, or else the latest cancelled one.
        registrations = [.. registrations.GroupBy(r => r.EventId)
            .Select(g => g.OrderBy(r => r.IsActive ? 0 : 1).ThenByDescending(r => r.Id).First())];
        var ranks = await WaitlistRanksAsync(registrations, ct);
        var items = registrations.Select(r => FromRegistration(r, ranks.GetValueOrDefault(r.Id), now)).ToList();
        foreach (var source in signups)
        {
            items.AddRange((await source.ListAsync(userId, ct)).Select(s => FromSignup(s, now)));
        }
        return [.. items.Where(i => i.Upcoming).OrderBy(i => i.Start).ThenBy(i => i.Title, StringComparer.CurrentCulture),
            .. items.Where(i => !i.Upcoming).OrderByDescending(i => i.Start).ThenBy(i => i.Title, StringComparer.CurrentCulture)];
    }

    /// <summary>Cancels the member's registration <paramref name="registrationId"/> (only theirs, before the event starts).</summary>
    public async Task<MyCancelOutcome> CancelAsync(string userId, int registrationId, CancellationToken ct)
    {
        var found = await db.EventRegistrations.AsNoTracking().Where(r => r.Id == registrationId && r.UserId == userId)
            .Select(r => new { r.Status, r.Event!.StartUtc }).FirstOrDefaultAsync(ct);
        if (found is null)
        {
            return MyCancelOutcome.NotFound;
        }
        if (found.Status == RegistrationStatus.Cancelled)
        {
            return MyCancelOutcome.AlreadyCancelled;
        }
        if (clock.GetUtcNow().UtcDateTime >= found.StartUtc)
        {
            return MyCancelOutcome.Started;
        }
        return await commands.CancelAsync(registrationId, ct) ? MyCancelOutcome.Cancelled : MyCancelOutcome.AlreadyCancelled;
    }

    /// <summary>Withdraws the member from a sign-up of another feature (a « coup de main »).</summary>
    public async Task<SignupWithdrawal> WithdrawAsync(string userId, string kind, int id, CancellationToken ct)
    {
        foreach (var source in signups)
        {
            if (await source.WithdrawAsync(userId, kind, id, ct) is { } outcome)
            {
                return outcome;
            }
        }
        return SignupWithdrawal.NotFound;
    }

    /// <summary>For each waitlisted registration, its place in the line today: positions are numbers given on joining, not ranks.</summary>
    private async Task<Dictionary<int, int>> WaitlistRanksAsync(IReadOnlyList<Registration> registrations, CancellationToken ct)
    {
        var waiting = registrations.Where(r => r.Status == RegistrationStatus.Waitlisted).ToList();
        if (waiting.Count == 0)
        {
            return [];
        }
        var eventIds = waiting.Select(r => r.EventId).Distinct().ToList();
        var lines = await db.EventRegistrations.AsNoTracking()
            .Where(r => eventIds.Contains(r.EventId) && r.Status == RegistrationStatus.Waitlisted)
            .Select(r => new { r.Id, r.EventId, r.WaitlistPosition }).ToListAsync(ct);
        return waiting.ToDictionary(r => r.Id, r => 1 + lines.Count(o => o.EventId == r.EventId
            && (o.WaitlistPosition < r.WaitlistPosition || (o.WaitlistPosition == r.WaitlistPosition && o.Id < r.Id))));
    }

    private static MyItem FromRegistration(Registration r, int rank, DateTime now)
    {
        var e = r.Event!;
        var zone = SiteClock.Zone(e.Site!);
        var held = r.IsActive && e.Status != EventStatus.Cancelled;
        var status = e.Status == EventStatus.Cancelled && r.IsActive ? "eventCancelled" : StatusOf(r.Status);
        return new MyItem(
            e.Kind == EventKind.Coaching ? MyItem.CoachingItem : MyItem.EventItem, r.Id, e.Kind, e.Title, e.SiteId, e.Site!.Name,
            Local(e.StartUtc, zone), Local(e.EndUtc, zone), AllDay: false, status,
            r.Status == RegistrationStatus.Waitlisted ? rank : null,
            string.Create(CultureInfo.InvariantCulture, $"/agenda/{e.Id}"),
            Upcoming: held && e.EndUtc > now, CanCancel: held && e.StartUtc > now);
    }

    private static MyItem FromSignup(MemberSignup s, DateTime now)
    {
        var upcoming = s.End.UtcDateTime > now;
        return new MyItem(s.Kind, s.Id, null, s.Title, s.SiteId, s.SiteName, s.Start, s.End, s.AllDay, "signedUp", null, s.Path,
            upcoming, upcoming);
    }

    /// <summary>registered, waitlisted, pending, cancelled (and the camel-case name of any later status).</summary>
    public static string StatusOf(RegistrationStatus status) => status switch
    {
        RegistrationStatus.Confirmed => "registered",
        RegistrationStatus.Waitlisted => "waitlisted",
        RegistrationStatus.Pending => "pending",
        RegistrationStatus.Cancelled => "cancelled",
        _ => JsonNamingPolicy.CamelCase.ConvertName(status.ToString()),
    };

    private static DateTimeOffset Local(DateTime utc, TimeZoneInfo zone)
    {
        var instant = DateTime.SpecifyKind(utc, DateTimeKind.Utc);
        var offset = zone.GetUtcOffset(instant);
        return new DateTimeOffset(DateTime.SpecifyKind(instant + offset, DateTimeKind.Unspecified), offset);
    }
}
