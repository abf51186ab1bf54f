using Cotravail.Web.Common;
using Cotravail.Web.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Web.Features.Newcomers.Members;

/// <summary>A member volunteers as an ambassador (sectors, communes), sees their conversations, and can stop at any time.</summary>
public sealed class AmbassadorModel(AppDbContext db, TimeProvider clock) : LocalizedPage
{
    public Ambassador? Current { get; private set; }
    public IReadOnlyList<Introduction> Conversations { get; private set; } = [];

    [BindProperty]
    public AmbassadorInput Input { get; set; } = new();

    [TempData]
    public string? Notice { get; set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        if (Current is { IsActive: true })
        {
            Input = new AmbassadorInput { Sectors = Current.Sectors, Communes = Current.Communes };
        }
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var userId = CurrentUser.RequiredId;
        using (await WriteGate.EnterAsync(db, ct))
        {
            var row = await db.Set<Ambassador>().FirstOrDefaultAsync(a => a.UserId == userId, ct);
            if (row is null)
            {
                row = new Ambassador { UserId = userId };
                db.Add(row);
            }
            if (!row.IsActive)
            {
                row.SinceUtc = clock.GetUtcNow().UtcDateTime;
            }
            row.IsActive = true;
            row.StoppedAtUtc = null;
            row.Sectors = Input.Sectors!.Trim();
            row.Communes = Input.Communes!.Trim();
            await db.SaveChangesAsync(ct);
        }
        Notice = T["Merci ! Vous êtes ambassadeur ou ambassadrice : l'équipe pourra vous présenter des nouveaux arrivants."];
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostStopAsync(CancellationToken ct)
    {
        var userId = CurrentUser.Id;
        var now = clock.GetUtcNow().UtcDateTime;
        using (await WriteGate.EnterAsync(db, ct))
        {
            await db.Set<Ambassador>().Where(a => a.UserId == userId && a.IsActive)
                .ExecuteUpdateAsync(s => s.SetProperty(a => a.IsActive, false).SetProperty(a => a.StoppedAtUtc, now), ct);
        }
        Notice = T["C'est noté : l'équipe ne vous présentera plus de nouveaux arrivants. Merci pour votre aide !"];
        return RedirectToPage();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var userId = CurrentUser.Id;
        Current = await db.Set<Ambassador>().AsNoTracking().FirstOrDefaultAsync(a => a.UserId == userId, ct);
        Conversations = Current is null ? [] : await db.Set<Introduction>().AsNoTracking().Include(i => i.Request)
            .Where(i => i.AmbassadorId == Current.Id).OrderByDescending(i => i.CreatedAtUtc).ToListAsync(ct);
    }
}
