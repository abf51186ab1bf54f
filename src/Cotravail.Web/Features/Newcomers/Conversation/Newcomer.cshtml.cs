using Cotravail.Web.Common;
using Microsoft.AspNetCore.Mvc;

namespace Cotravail.Web.Features.Newcomers.Conversation;

/// <summary>The newcomer's side of a relay conversation: no account, a signed link received by e-mail.</summary>
[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
public sealed class NewcomerModel(Relay relay, NewcomerLinks links) : LocalizedPage
{
    public Introduction Introduction { get; private set; } = null!;
    public string Token { get; private set; } = "";

    [BindProperty]
    public RelayInput Input { get; set; } = new();

    [TempData]
    public string? Notice { get; set; }

    public ConversationView View => new(Introduction, Introduction.Request!.Name, Relay.ShortName(Introduction.Ambassador!.User!), Token) { Input = Input };

    public async Task<IActionResult> OnGetAsync([FromQuery(Name = "jeton")] string? token, CancellationToken ct) =>
        await LoadAsync(token, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync([FromQuery(Name = "jeton")] string? token, CancellationToken ct)
    {
        if (!await LoadAsync(token, ct))
        {
            return NotFound();
        }
        if (ModelState.IsValid && await relay.TooManyAsync(Introduction.Id, fromNewcomer: true, ct))
        {
            ModelState.AddModelError("Input.Body", T["Vous avez déjà envoyé beaucoup de messages aujourd'hui : attendez la réponse, ou réessayez demain."]);
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        await relay.PostAsync(Introduction, fromNewcomer: true, Input.Body!, ct);
        Notice = T["Message envoyé."];
        return Redirect("/venir/echange?jeton=" + Uri.EscapeDataString(Token));
    }

    private async Task<bool> LoadAsync(string? token, CancellationToken ct)
    {
        if (links.ReadConversation(token) is not { } id || await relay.LoadAsync(id, ct) is not { } found)
        {
            return false;
        }
        Introduction = found;
        Token = token!;
        return true;
    }
}
