using Cotravail.Web.Common;
using Cotravail.Web.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Web.Features.Events.Agenda;

/// <summary>
/// The link sent to someone without an account. Opening it shows the registration and one button: mail scanners
/// that open links do not confirm anything, only the person does.
/// </summary>
public sealed class ConfirmModel(AppDbContext db, RegistrationLinks links, RegistrationCommands commands) : LocalizedPage
{
    public Registration? Registration { get; private set; }
    public Event? Event { get; private set; }
    public string? Outcome { get; private set; }

    [BindProperty(SupportsGet = true, Name = "jeton")]
    public string? Token { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ?? Page();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } invalid)
        {
            return invalid;
        }
        var result = await commands.ConfirmAsync(Registration!.Id, ct);
        Outcome = result.Outcome == RegisterOutcome.Registered
            ? T["Votre inscription est confirmée. Un e-mail récapitulatif vous a été envoyé."]
            : T[result.Message, result.MessageArgs];
        return await LoadAsync(ct) ?? Page();
    }

    private async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        var id = links.Read(Token, RegistrationLinks.Confirm);
        Registration = id is null ? null : await db.EventRegistrations.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, ct);
        Event = Registration is null ? null : await commands.LoadEventAsync(Registration.EventId, ct);
        if (Registration is null || Event is null)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        return null;
    }
}
