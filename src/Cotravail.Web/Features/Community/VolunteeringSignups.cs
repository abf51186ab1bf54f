using Cotravail.Web.Data;
using Cotravail.Web.Features.Sites;
using Cotravail.Web.Features.Sites.Signups;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Web.Features.Community;

/// <summary>The « coups de main » a member signed up for, for « Mes inscriptions »; withdrawing goes through <see cref="Volunteering"/>.</summary>
public sealed class VolunteeringSignups(AppDbContext db, Volunteering volunteering, TimeProvider clock) : IMemberSignups
{
    public const string Kind = "volunteering";

    public async Task<IReadOnlyList<MemberSignup>> ListAsync(string userId, CancellationToken ct)
    {
        var tasks = await db.HelpSignups.AsNoTracking().Where(s => s.UserId == userId)
            .Join(db.HelpTasks.Include(t => t.Site), s => s.TaskId, t => t.Id, (s, t) => t)
            .OrderByDescending(t => t.Date).Take(300).ToListAsync(ct);
        return [.. tasks.Select(ToSignup)];
    }

    public async Task<SignupWithdrawal?> WithdrawAsync(string userId, string kind, int id, CancellationToken ct)
    {
        if (kind != Kind)
        {
            return null;
        }
        var task = await db.HelpSignups.AsNoTracking().Where(s => s.UserId == userId && s.TaskId == id)
            .Join(db.HelpTasks.Include(t => t.Site), s => s.TaskId, t => t.Id, (s, t) => t).FirstOrDefaultAsync(ct);
        if (task is null)
        {
            return SignupWithdrawal.NotFound;
        }
        if (task.Date < SiteClock.Today(task.Site!, clock))
        {
            return SignupWithdrawal.Past;
        }
        return await volunteering.WithdrawAsync(id, userId, ct) ? SignupWithdrawal.Withdrawn : SignupWithdrawal.NotFound;
    }

    private static MemberSignup ToSignup(HelpTask t)
    {
        var zone = SiteClock.Zone(t.Site!);
        var allDay = t.Start is null || t.End is null;
        var start = t.Date.ToDateTime(t.Start is { } s && !allDay ? s : TimeOnly.MinValue);
        var end = allDay ? t.Date.AddDays(1).ToDateTime(TimeOnly.MinValue) : t.Date.ToDateTime(t.End!.Value);
        return new MemberSignup(Kind, t.Id, t.Title, t.SiteId, t.Site!.Name, WithOffset(start, zone), WithOffset(end, zone), allDay,
            $"/coups-de-main#coup-de-main-{t.Id}");
    }

    private static DateTimeOffset WithOffset(DateTime local, TimeZoneInfo zone) => new(local, zone.GetUtcOffset(local));
}
