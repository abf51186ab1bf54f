using Cotravail.Web.Common.Security;
using Cotravail.Web.Common;
using Cotravail.Web.Data;
using Cotravail.Web.Features.Sites;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Web.Features.Newcomers.Manage;

/// <summary>Managers publish the testimonies members consented to, or take them off the public page.</summary>
public sealed class TestimoniesModel(AppDbContext db, StaffAccess staff, TimeProvider clock) : LocalizedPage
{
    public IReadOnlyList<Testimony> Testimonies { get; private set; } = [];

    [TempData]
    public string? Notice { get; set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var networks = await staff.ManagedNetworkIdsAsync(ct);
        Testimonies = await db.Set<Testimony>().AsNoTracking()
            .Where(t => networks.Contains(t.NetworkId) && t.Status != TestimonyStatus.Withdrawn)
            .OrderBy(t => t.Status).ThenByDescending(t => t.ConsentAtUtc).ToListAsync(ct);
    }

    public Task<IActionResult> OnPostPublishAsync(int id, CancellationToken ct) => SetAsync(id, publish: true, ct);

    public Task<IActionResult> OnPostUnpublishAsync(int id, CancellationToken ct) => SetAsync(id, publish: false, ct);

    private async Task<IActionResult> SetAsync(int id, bool publish, CancellationToken ct)
    {
        var networks = await staff.ManagedNetworkIdsAsync(ct);
        var userId = CurrentUser.Id;
        var now = clock.GetUtcNow().UtcDateTime;
        var (from, to) = publish ? (TestimonyStatus.Pending, TestimonyStatus.Published) : (TestimonyStatus.Published, TestimonyStatus.Pending);
        int changed;
        using (await WriteGate.EnterAsync(db, ct))
        {
            // Guarded by the status: a testimony withdrawn in the meantime is never published.
            changed = await db.Set<Testimony>().Where(t => t.Id == id && networks.Contains(t.NetworkId) && t.Status == from)
                .ExecuteUpdateAsync(s => s.SetProperty(t => t.Status, to)
                    .SetProperty(t => t.PublishedAtUtc, publish ? now : null)
                    .SetProperty(t => t.PublishedByUserId, publish ? userId : null), ct);
        }
        if (changed == 0 && !await db.Set<Testimony>().AnyAsync(t => t.Id == id && networks.Contains(t.NetworkId), ct))
        {
            return NotFound(); // another network's testimony is not shown to exist
        }
        if (changed == 0)
        {
            Notice = T["Ce témoignage a changé entre-temps (son auteur a peut-être retiré son accord)."];
        }
        else
        {
            Notice = publish ? T["Témoignage publié."] : T["Témoignage retiré de la page publique."];
        }
        return RedirectToPage();
    }
}
