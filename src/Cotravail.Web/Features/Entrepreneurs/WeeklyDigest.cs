using Cotravail.Web.Common;
using System.Text;
using Cotravail.Web.Common.Mail;
using Cotravail.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Web.Features.Entrepreneurs;

/// <summary>
/// The weekly digest (opt-in on the account, <see cref="Accounts.AppUser.WantsDigest"/>, shown on « Mon compte » and « Ma fiche »): profiles that became visible and listings posted in the last seven
/// days, as members see them. Each member's digest of a week is claimed by inserting one row (member, Monday): a
/// second run or another instance finds the row taken and sends nothing. A sending that fails gives its row back.
/// </summary>
public sealed partial class WeeklyDigest(
    AppDbContext db, IMailSender mail, EntrepreneursLinks links, Sites.NetworkMembership membership, TimeProvider clock, ILogger<WeeklyDigest> logger)
{
    public const int MaxItems = 20;

    /// <summary>Sends this week's digests not yet sent; returns how many went out.</summary>
    public async Task<int> SendDueAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var today = DirectoryClock.Today(clock);
        var week = DirectoryClock.WeekStart(today);
        var since = now.AddDays(-7);
        var done = db.DigestSends().Where(d => d.WeekStart == week).Select(d => d.UserId);
        var subscribers = await db.Users.AsNoTracking().Where(u => u.WantsDigest && u.EmailConfirmed && !done.Contains(u.Id))
            .Select(u => new { u.Id, u.Email, u.FirstName }).ToListAsync(ct);
        if (subscribers.Count == 0)
        {
            return 0;
        }
        var profiles = await db.Profiles().AsNoTracking().VisibleTo(Audience.AllMembers).Where(p => p.VisibleSinceUtc >= since)
            .OrderByDescending(p => p.VisibleSinceUtc).Take(MaxItems + 1).ToListAsync(ct);
        var listings = await db.Listings().AsNoTracking().Include(l => l.Profile).OpenTo(Audience.AllMembers, today).Where(l => l.CreatedAtUtc >= since)
            .OrderByDescending(l => l.CreatedAtUtc).Take(MaxItems + 1).ToListAsync(ct);
        // Members' profiles only to the people who share a network with their owners (ADR 0025).
        var networks = await membership.NetworksOfEachAsync(
            [.. subscribers.Select(s => s.Id), .. profiles.Select(p => p.OwnerUserId), .. listings.Select(l => l.Profile!.OwnerUserId)], ct);
        bool Sees(string reader, Profile p) => p.Visibility == Visibility.Public || networks is null || networks[reader].Overlaps(networks[p.OwnerUserId]);
        var sent = 0;
        foreach (var s in subscribers)
        {
            if (!await ClaimAsync(s.Id, week, now, ct))
            {
                continue;
            }
            var theirProfiles = profiles.Where(p => p.OwnerUserId != s.Id && Sees(s.Id, p)).Take(MaxItems).ToList();
            var theirListings = listings.Where(l => l.Profile!.OwnerUserId != s.Id && Sees(s.Id, l.Profile)).Take(MaxItems).ToList();
            if (theirProfiles.Count == 0 && theirListings.Count == 0 || string.IsNullOrEmpty(s.Email))
            {
                await MarkSentAsync(s.Id, week, now, ct); // nothing new this week: no e-mail
                continue;
            }
            try
            {
                await mail.SendAsync(new OutgoingMail(s.Email, "Cette semaine dans le réseau Cotravail", Body(s.FirstName, theirProfiles, theirListings)), ct);
            }
#pragma warning disable CA1031 // a failing mail server: the claim is given back and a later run tries again
            catch (Exception e)
#pragma warning restore CA1031
            {
                LogFailed(logger, e, s.Id);
                await db.DigestSends().Where(d => d.UserId == s.Id && d.WeekStart == week).ExecuteDeleteAsync(ct);
                continue;
            }
            await MarkSentAsync(s.Id, week, now, ct);
            sent++;
        }
        return sent;
    }

    private async Task<bool> ClaimAsync(string userId, DateOnly week, DateTime now, CancellationToken ct)
    {
        db.DigestSends().Add(new DigestSend { UserId = userId, WeekStart = week, ClaimedAtUtc = now });
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateException e) when (DbErrors.IsUniqueViolation(e))
        {
            db.ChangeTracker.Clear(); // another run has this member's digest of the week
            return false;
        }
    }

    private Task MarkSentAsync(string userId, DateOnly week, DateTime now, CancellationToken ct) =>
        db.DigestSends().Where(d => d.UserId == userId && d.WeekStart == week).ExecuteUpdateAsync(x => x.SetProperty(d => d.SentAtUtc, now), ct);

    private string Body(string firstName, List<Profile> profiles, List<Listing> listings)
    {
        var text = new StringBuilder();
        text.Append("Bonjour ").Append(firstName).AppendLine(",").AppendLine();
        if (profiles.Count > 0)
        {
            text.AppendLine("Nouveaux dans l'annuaire :");
            foreach (var p in profiles)
            {
                text.Append("- ").Append(p.Name).Append(" (").Append(p.Commune).Append(") : ").AppendLine(links.Absolute($"/annuaire/{p.Id}"));
            }
            text.AppendLine();
        }
        if (listings.Count > 0)
        {
            text.AppendLine("Nouvelles annonces :");
            foreach (var l in listings)
            {
                text.Append("- ").Append(ListingText.Kind(l.Kind)).Append(" : ").Append(l.Title).Append(" — ").Append(l.Profile!.Name)
                    .Append(" : ").AppendLine(links.Absolute($"/annonces/{l.Id}"));
            }
            text.AppendLine();
        }
        text.AppendLine("Vous recevez ce résumé parce que vous l'avez demandé. Pour ne plus le recevoir, décochez-le dans « Mon compte » :")
            .AppendLine(links.Absolute("/compte"));
        return text.ToString();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The weekly digest of user {UserId} could not be sent; it will be tried again.")]
    private static partial void LogFailed(ILogger logger, Exception e, string userId);
}

/// <summary>Runs <see cref="WeeklyDigest.SendDueAsync"/> every <c>Network:DigestIntervalMinutes</c> (default 60).</summary>
public sealed class DigestWorker(IServiceScopeFactory scopes, TimeProvider clock, IConfiguration config, ILogger<DigestWorker> logger)
    : PeriodicWorker(scopes, clock, logger)
{
    protected override TimeSpan Interval => TimeSpan.FromMinutes(Math.Max(1, config.GetValue("Network:DigestIntervalMinutes", 60)));

    protected override string Job => "the weekly digest";

    protected override Task RunOnceAsync(IServiceProvider services, CancellationToken ct) =>
        services.GetRequiredService<WeeklyDigest>().SendDueAsync(ct);
}
