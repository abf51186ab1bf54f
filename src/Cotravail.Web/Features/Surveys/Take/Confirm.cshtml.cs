using Cotravail.Web.Common;
using Cotravail.Web.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Web.Features.Surveys.Take;

/// <summary>
/// The e-mailed link of a survey with one answer per address. Opening it shows a button (mail scanners that open
/// links must not confirm); the button counts the answer, once per address.
/// </summary>
public sealed class ConfirmModel(AppDbContext db) : LocalizedPage
{
    public Survey Survey { get; private set; } = null!;
    public string? Token { get; private set; }
    public string? Message { get; private set; }
    public bool Confirmed { get; private set; }

    public async Task<IActionResult> OnGetAsync(string slug, [FromQuery(Name = "jeton")] string? token, CancellationToken ct)
    {
        var response = await LoadAsync(slug, token, ct);
        if (response is null)
        {
            return Survey is null ? NotFound() : Page();
        }
        Token = token;
        if (response.Status == ResponseStatus.Complete)
        {
            Confirmed = true;
            Message = T["Votre réponse est déjà confirmée. Merci !"];
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string slug, [FromForm(Name = "jeton")] string? token, CancellationToken ct)
    {
        var response = await LoadAsync(slug, token, ct);
        if (response is null)
        {
            return Survey is null ? NotFound() : Page();
        }
        if (response.Status == ResponseStatus.Complete)
        {
            Confirmed = true;
            Message = T["Votre réponse est déjà confirmée. Merci !"];
            return Page();
        }
        var email = response.Email!.ToUpperInvariant();
        using (await WriteGate.EnterAsync(db, ct))
        {
            if (await db.SurveyResponses.AnyAsync(r => r.SurveyId == Survey.Id && r.ConfirmedEmail == email, ct))
            {
                Message = T["Une réponse a déjà été confirmée avec cette adresse e-mail : une seule réponse par personne est comptée."];
                return Page();
            }
            response.ConfirmedEmail = email;
            response.Status = ResponseStatus.Complete;
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException e) when (DbErrors.IsUniqueViolation(e))
            {
                Message = T["Une réponse a déjà été confirmée avec cette adresse e-mail : une seule réponse par personne est comptée."];
                return Page();
            }
        }
        Confirmed = true;
        Message = T["Merci, votre réponse est confirmée : elle compte dans les résultats."];
        return Page();
    }

    private async Task<SurveyResponse?> LoadAsync(string slug, string? token, CancellationToken ct)
    {
        var survey = await db.Surveys.AsNoTracking().FirstOrDefaultAsync(s => s.Slug == slug && s.IsPublished, ct);
        if (survey is null)
        {
            return null;
        }
        Survey = survey;
        var response = string.IsNullOrEmpty(token) || token.Length > 64
            ? null
            : await db.SurveyResponses.FirstOrDefaultAsync(r => r.SurveyId == survey.Id && r.ConfirmationToken == token, ct);
        if (response is null)
        {
            Message = T["Ce lien de confirmation n'est pas valide. Vérifiez qu'il est complet, tel que reçu par e-mail."];
        }
        return response;
    }
}
