using System.Security.Claims;
using Cotravail.Web.Common;
using Cotravail.Web.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Web.Features.Entrepreneurs.Board;

/// <summary>Posts an offer or a need; a need then shows the members who match it best.</summary>
public sealed class NewModel(AppDbContext db, TimeProvider clock) : LocalizedPage
{
    public Profile? Profile { get; private set; }

    [BindProperty]
    public ListingInput Input { get; set; } = new();

    [TempData]
    public string? Notice { get; set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        Input = new ListingInput { Kind = ListingKind.Offer, Category = ListingCategory.Service, ExpiresOn = DirectoryClock.Today(clock).AddMonths(1) };
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        if (Profile is null)
        {
            return Redirect("/annuaire/ma-fiche");
        }
        ModelState.AddObjectRules(Input, nameof(Input), HttpContext.RequestServices);
        var today = DirectoryClock.Today(clock);
        if (Input.ExpiresOn is { } d && d <= today)
        {
            ModelState.AddModelError("Input.ExpiresOn", T["La date de fin doit être dans le futur."]);
        }
        else if (Input.ExpiresOn is { } e && e > today.AddMonths(Listing.MaxMonths))
        {
            ModelState.AddModelError("Input.ExpiresOn", T["Une annonce reste visible six mois au plus."]);
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var listing = new Listing
        {
            ProfileId = Profile.Id, Kind = Input.Kind!.Value, Category = Input.Category!.Value, Title = Input.Title!.Trim(),
            Body = Input.Body!.Trim(), Skills = Input.Skills ?? "", Sector = string.IsNullOrEmpty(Input.Sector) ? null : Input.Sector,
            ExpiresOn = Input.ExpiresOn!.Value, CreatedAtUtc = clock.GetUtcNow().UtcDateTime,
        };
        listing.Index();
        db.Listings().Add(listing);
        await db.SaveChangesAsync(ct);
        Notice = T["Votre annonce est publiée."];
        return Redirect($"/annonces/{listing.Id}");
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var me = User.FindFirstValue(ClaimTypes.NameIdentifier);
        Profile = await db.Profiles().AsNoTracking().FirstOrDefaultAsync(p => p.OwnerUserId == me, ct);
    }
}
