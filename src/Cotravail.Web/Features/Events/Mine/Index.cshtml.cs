using Cotravail.Web.Common;
using Cotravail.Web.Features.Sites.Signups;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Cotravail.Web.Features.Events.Mine;

/// <summary>
/// « Mes inscriptions »: the signed-in member's events (with their place on a waitlist), coaching slots and « coups de
/// main », to come then past; each can be cancelled from here as from the link of its e-mail.
/// </summary>
[Authorize]
public sealed class IndexModel(MyRegistrations mine) : LocalizedPage
{
    public const string Path = "/mes-inscriptions";

    public IReadOnlyList<MyItem> Upcoming { get; private set; } = [];
    public IReadOnlyList<MyItem> Past { get; private set; } = [];

    [TempData]
    public string? Notice { get; set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var all = await mine.ListAsync(CurrentUser.RequiredId, ct);
        Upcoming = [.. all.Where(i => i.Upcoming)];
        Past = [.. all.Where(i => !i.Upcoming)];
    }

    public async Task<IActionResult> OnPostCancelAsync([FromForm(Name = "inscription")] int registrationId, CancellationToken ct)
    {
        Notice = await mine.CancelAsync(CurrentUser.RequiredId, registrationId, ct) switch
        {
            MyCancelOutcome.Cancelled => T["Votre inscription est annulée. Un e-mail vous le confirme."],
            MyCancelOutcome.AlreadyCancelled => T["Cette inscription est déjà annulée."],
            MyCancelOutcome.Started => T["Cet événement a commencé : l'inscription ne peut plus être annulée."],
            _ => T["Cette inscription n'existe pas (ou plus)."],
        };
        return Redirect(Path);
    }

    public async Task<IActionResult> OnPostWithdrawAsync([FromForm(Name = "coupDeMain")] int taskId, CancellationToken ct)
    {
        Notice = await mine.WithdrawAsync(CurrentUser.RequiredId, "volunteering", taskId, ct) switch
        {
            SignupWithdrawal.Withdrawn => T["Vous n'êtes plus inscrit·e pour ce coup de main."],
            SignupWithdrawal.Past => T["Ce coup de main est passé."],
            _ => T["Vous n'étiez pas inscrit·e pour ce coup de main."],
        };
        return Redirect(Path);
    }
}
