using Cotravail.Web.Common;
using Microsoft.AspNetCore.Mvc;

namespace Cotravail.Web.Features.Newcomers.Members;

/// <summary>The ambassador's side of a relay conversation; only that ambassador may open it.</summary>
public sealed class ConversationModel(Relay relay) : LocalizedPage
{
    public Introduction Introduction { get; private set; } = null!;

    [BindProperty]
    public RelayInput Input { get; set; } = new();

    [TempData]
    public string? Notice { get; set; }

    public ConversationView View => new(Introduction, Introduction.Request!.Name, Relay.ShortName(Introduction.Ambassador!.User!), null) { Input = Input };

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) =>
        await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }
        if (ModelState.IsValid && await relay.TooManyAsync(Introduction.Id, fromNewcomer: false, ct))
        {
            ModelState.AddModelError("Input.Body", T["Vous avez déjà envoyé beaucoup de messages aujourd'hui : attendez la réponse, ou réessayez demain."]);
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        await relay.PostAsync(Introduction, fromNewcomer: false, Input.Body!, ct);
        Notice = T["Message envoyé."];
        return RedirectToPage(new { id });
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var found = await relay.LoadAsync(id, ct);
        if (found is null || found.Ambassador!.UserId != CurrentUser.Id)
        {
            return false; // another member's conversation is not revealed
        }
        Introduction = found;
        return true;
    }
}
