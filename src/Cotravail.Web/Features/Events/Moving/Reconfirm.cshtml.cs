using Cotravail.Web.Common;
using Cotravail.Web.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Web.Features.Events.Moving;

/// <summary>
/// « Je confirme » of the e-mail sent when an event moves. Opening the link shows the new date and one button (mail
/// scanners that open links confirm nothing); « Je ne peux plus venir » is the usual cancellation link.
/// </summary>
public sealed class ReconfirmModel(AppDbContext db, RegistrationLinks links, RegistrationCommands commands, MoveDeadline deadline) : LocalizedPage
{
    public Registration? Registration { get; private set; }
    public Event? Event { get; private set; }
    public bool Done { get; private set; }

    [BindProperty(SupportsGet = true, Name = "jeton")]
    public string? Token { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ?? Page();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } invalid)
        {
            return invalid;
        }
        Done = await deadline.ConfirmAsync(Registration!.Id, ct);
        return await LoadAsync(ct) ?? Page();
    }

    private async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        var id = links.Read(Token, EventMover.ReconfirmPurpose);
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
