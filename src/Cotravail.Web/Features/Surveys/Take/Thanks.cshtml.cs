using Cotravail.Web.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Web.Features.Surveys.Take;

public sealed class ThanksModel(AppDbContext db) : PageModel
{
    public Survey Survey { get; private set; } = null!;
    public bool MustConfirm { get; private set; }

    public async Task<IActionResult> OnGetAsync(string slug, [FromQuery(Name = "confirmer")] string? confirm, CancellationToken ct)
    {
        var survey = await db.Surveys.AsNoTracking().FirstOrDefaultAsync(s => s.Slug == slug && s.IsPublished, ct);
        if (survey is null)
        {
            return NotFound();
        }
        Survey = survey;
        MustConfirm = survey.OnePerEmail && confirm == "1";
        return Page();
    }
}
