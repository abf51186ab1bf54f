using System.ComponentModel.DataAnnotations;
using Cotravail.Web.Common;
using Cotravail.Web.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Web.Features.Events.Ratings;

/// <summary>A participant rates an event through the link of the invitation (no account needed): 1 to 5 and a comment, once.</summary>
public sealed class RateModel(AppDbContext db, RegistrationLinks links, TimeProvider clock) : LocalizedPage
{
    public Event? Event { get; private set; }
    public bool AlreadyRated { get; private set; }
    public bool InvalidLink { get; private set; }

    [BindProperty(SupportsGet = true, Name = "jeton")]
    public string? Token { get; set; }

    [BindProperty]
    [Display(Name = "Votre note")]
    [Required(ErrorMessage = "Choisissez une note de 1 à 5.")]
    [Range(1, 5, ErrorMessage = "Choisissez une note de 1 à 5.")]
    public int? Score { get; set; }

    [BindProperty]
    [Display(Name = "Un commentaire (facultatif)")]
    [StringLength(1000, ErrorMessage = "Le commentaire fait au plus 1000 caractères.")]
    public string? Comment { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        ModelState.Clear();
        return await LoadAsync(ct) ?? Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } invalid)
        {
            return invalid;
        }
        if (AlreadyRated || !ModelState.IsValid)
        {
            return Page();
        }
        var registrationId = links.Read(Token, RegistrationLinks.Rate)!.Value;
        db.EventRatings.Add(new EventRating
        {
            RegistrationId = registrationId, EventId = Event!.Id, Score = Score!.Value,
            Comment = string.IsNullOrWhiteSpace(Comment) ? null : Comment.Trim(), CreatedAtUtc = clock.GetUtcNow().UtcDateTime,
        });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (DbErrors.IsUniqueViolation(e))
        {
            // the same form sent twice: the first one counts
        }
        AlreadyRated = true;
        return Page();
    }

    private async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        var id = links.Read(Token, RegistrationLinks.Rate);
        var registration = id is null ? null : await db.EventRegistrations.AsNoTracking().Include(r => r.Event!).ThenInclude(e => e.Site)
            .FirstOrDefaultAsync(r => r.Id == id, ct);
        if (registration is null)
        {
            InvalidLink = true;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        Event = registration.Event;
        AlreadyRated = await db.EventRatings.AnyAsync(r => r.RegistrationId == registration.Id, ct);
        return null;
    }
}
