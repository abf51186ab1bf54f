using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Cotravail.Web.Common;
using Cotravail.Web.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Web.Features.Entrepreneurs.Board;

/// <summary>One listing. Its author sees the members suggested for a need and may close it; others reply or report.</summary>
public sealed class DetailsModel(AppDbContext db, Suggestions suggestions, Audiences audiences, TimeProvider clock) : LocalizedPage
{
    public Listing? Listing { get; private set; }
    public bool IsMine { get; private set; }
    public bool IsExpired { get; private set; }
    public bool IsOpen => !IsExpired && Listing is { ClosedAtUtc: null, IsHidden: false };
    public IReadOnlyList<Profile> Suggested { get; private set; } = [];

    [TempData]
    public string? Notice { get; set; }

    [BindProperty]
    [Display(Name = "Motif du signalement")]
    [Required(ErrorMessage = "Indiquez le motif du signalement.")]
    [StringLength(ProfileReports.MaxReason, ErrorMessage = "Le motif fait au plus 1000 caractères.")]
    public string? Reason { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }
        if (IsMine && Listing!.Kind == ListingKind.Need)
        {
            Suggested = await suggestions.ForNeedAsync(Listing, 6, ct);
        }
        if (!IsOpen && !IsMine)
        {
            Response.StatusCode = StatusCodes.Status410Gone;
        }
        return Page();
    }

    public async Task<IActionResult> OnPostCloseAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct) || !IsMine)
        {
            return NotFound();
        }
        await db.Listings().Where(l => l.Id == id && l.ClosedAtUtc == null)
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.ClosedAtUtc, clock.GetUtcNow().UtcDateTime), ct);
        Notice = T["Votre annonce est close."];
        return Redirect($"/annonces/{id}");
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
        await ProfileReports.AddAsync(db, me, null, id, Reason!, clock.GetUtcNow().UtcDateTime, ct);
        Notice = T["Merci : les gestionnaires du réseau examineront votre signalement."];
        return Redirect($"/annonces/{id}");
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var me = User.FindFirstValue(ClaimTypes.NameIdentifier);
        Listing = await db.Listings().AsNoTracking().Include(l => l.Profile).FirstOrDefaultAsync(l => l.Id == id, ct);
        if (Listing is null)
        {
            return false;
        }
        IsMine = Listing.Profile!.OwnerUserId == me;
        IsExpired = Listing.ExpiresOn < DirectoryClock.Today(clock);
        // A listing shows only where its profile does; one hidden by a manager is gone for everyone but its author.
        return IsMine || (!Listing.IsHidden
            && await db.Profiles().VisibleTo(await audiences.ForAsync(me, ct)).AnyAsync(p => p.Id == Listing.ProfileId, ct));
    }
}
