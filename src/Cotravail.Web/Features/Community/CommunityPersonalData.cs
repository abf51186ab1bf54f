using Cotravail.Web.Common.PersonalData;
using Cotravail.Web.Data;
using Cotravail.Web.Features.Privacy;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Web.Features.Community;

/// <summary>
/// « Coups de main » a member signed up for, and those a host asked for. On deletion, sign-ups still to come are
/// withdrawn (the place opens again); past ones stay counted, attached to the anonymous account.
/// </summary>
internal sealed class CommunityPersonalData(AppDbContext db, Volunteering volunteering, TimeProvider clock) : IPersonalData
{
    public async Task<IReadOnlyList<PersonalDataSet>> ExportAsync(PersonalDataSubject subject, CancellationToken ct)
    {
        var signups = await db.HelpTasks.AsNoTracking().Where(t => t.Signups.Any(s => s.UserId == subject.UserId)).OrderBy(t => t.Date)
            .Select(t => new SignupRow(t.Id, t.Title, t.Site!.Name, t.Date, t.Signups.First(s => s.UserId == subject.UserId).CreatedAtUtc))
            .ToListAsync(ct);
        var asked = await db.HelpTasks.AsNoTracking().Where(t => t.CreatedByUserId == subject.UserId).OrderBy(t => t.Date)
            .Select(t => new TaskRow(t.Id, t.Title, t.Site!.Name, t.Date, t.PeopleNeeded, t.CreatedAtUtc)).ToListAsync(ct);
        return
        [
            PersonalDataSet.Of("coups-de-main", "Coups de main donnés", signups),
            PersonalDataSet.Of("coups-de-main-demandes", "Coups de main demandés", asked),
        ];
    }

    public async Task AnonymiseAsync(PersonalDataSubject subject, CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var coming = await db.HelpTasks.Where(t => t.Date >= today && t.Signups.Any(s => s.UserId == subject.UserId))
            .Select(t => t.Id).ToListAsync(ct);
        foreach (var taskId in coming)
        {
            await volunteering.WithdrawAsync(taskId, subject.UserId, ct);
        }
    }

    private sealed record SignupRow(int CoupDeMainId, string Titre, string Espace, DateOnly Date, DateTime InscritLeUtc);

    private sealed record TaskRow(int Id, string Titre, string Espace, DateOnly Date, int PersonnesDemandees, DateTime CreeLeUtc);
}
