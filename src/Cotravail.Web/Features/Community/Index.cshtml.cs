using Cotravail.Web.Common;
using Cotravail.Web.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Web.Features.Community;

/// <summary>« Coups de main »: the tasks of the coming weeks; members sign up or withdraw.</summary>
public sealed class IndexModel(AppDbContext db, Volunteering volunteering, TimeProvider clock) : LocalizedPage
{
    public IReadOnlyList<HelpTask> Tasks { get; private set; } = [];
    public ISet<int> Mine { get; private set; } = new HashSet<int>();

    [TempData]
    public string? Notice { get; set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime).AddDays(-1);
        Tasks = await db.HelpTasks.AsNoTracking().Include(t => t.Site)
            .Where(t => t.Date >= today && !t.Site!.IsArchived)
            .OrderBy(t => t.Date).ThenBy(t => t.Start).Take(200).ToListAsync(ct);
        var userId = CurrentUser.Id;
        if (userId is not null)
        {
            var ids = Tasks.Select(t => t.Id).ToList();
            Mine = (await db.HelpSignups.Where(s => s.UserId == userId && ids.Contains(s.TaskId)).Select(s => s.TaskId).ToListAsync(ct)).ToHashSet();
        }
    }

    public async Task<IActionResult> OnPostSignUpAsync(int taskId, CancellationToken ct)
    {
        if (CurrentUser.Id is not { } userId)
        {
            return Challenge();
        }
        Notice = await volunteering.SignUpAsync(taskId, userId, ct) switch
        {
            SignupOutcome.SignedUp => T["Merci ! Vous êtes inscrit·e pour ce coup de main."],
            SignupOutcome.Full => T["Il ne manque plus personne pour ce coup de main."],
            SignupOutcome.Already => T["Vous êtes déjà inscrit·e pour ce coup de main."],
            SignupOutcome.Past => T["Ce coup de main est passé."],
            _ => T["Ce coup de main n'existe pas (ou plus)."],
        };
        return Redirect("/coups-de-main");
    }

    public async Task<IActionResult> OnPostWithdrawAsync(int taskId, CancellationToken ct)
    {
        if (CurrentUser.Id is not { } userId)
        {
            return Challenge();
        }
        Notice = await volunteering.WithdrawAsync(taskId, userId, ct)
            ? T["Vous n'êtes plus inscrit·e pour ce coup de main."]
            : T["Vous n'étiez pas inscrit·e pour ce coup de main."];
        return Redirect("/coups-de-main");
    }
}
