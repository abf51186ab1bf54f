using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Cotravail.Web.Common;
using Cotravail.Web.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Web.Features.Entrepreneurs.Profiles;

/// <summary>One profile, as the reader may see it (a hidden one only by its owner); contact, block, report.</summary>
public sealed class DetailsModel(AppDbContext db, ContactRelay relay, Audiences audiences, TimeProvider clock) : LocalizedPage
{
    public Profile? Profile { get; private set; }
    public IReadOnlyList<Listing> Listings { get; private set; } = [];
    public bool IsMine { get; private set; }

    [TempData]
    public string? Notice { get; set; }

    [BindProperty]
    [Display(Name = "Motif du signalement")]
    [Required(ErrorMessage = "Indiquez le motif du signalement.")]
    [StringLength(ProfileReports.MaxReason, ErrorMessage = "Le motif fait au plus 1000 caractères.")]
    public string? Reason { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) =>
        await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostBlockAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct) || User.FindFirstValue(ClaimTypes.NameIdentifier) is not { } me)
        {
            return NotFound();
        }
        if (IsMine)
        {
            return Redirect($"/annuaire/{id}");
        }
        await relay.BlockAsync(me, Profile!.OwnerUserId, ct);
        Notice = T["{0} ne peut plus vous écrire. Vous pouvez le débloquer depuis « Mes messages ».", Profile.Name];
        return Redirect($"/annuaire/{id}");
    }

    public async Task<IActionResult> OnPostReportAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct) || User.FindFirstValue(ClaimTypes.NameIdentifier) is not { } me)
        {
            return NotFound();
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        await ProfileReports.AddAsync(db, me, id, null, Reason!, clock.GetUtcNow().UtcDateTime, ct);
        Notice = T["Merci : les gestionnaires du réseau examineront votre signalement."];
        return Redirect($"/annuaire/{id}");
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var me = User.FindFirstValue(ClaimTypes.NameIdentifier);
        var audience = await audiences.ForAsync(me, ct);
        Profile = await db.Profiles().AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, ct);
        IsMine = Profile is not null && Profile.OwnerUserId == me;
        if (Profile is null || !(IsMine || await db.Profiles().VisibleTo(audience).AnyAsync(p => p.Id == id, ct)))
        {
            return false;
        }
        Listings = await db.Listings().AsNoTracking().OpenTo(audience, DirectoryClock.Today(clock)).Where(l => l.ProfileId == id)
            .OrderByDescending(l => l.CreatedAtUtc).ToListAsync(ct);
        return true;
    }
}
