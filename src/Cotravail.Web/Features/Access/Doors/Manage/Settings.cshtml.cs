using Cotravail.Web.Data;
using Cotravail.Web.Features.Sites.Manage;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Web.Features.Access.Doors.Manage;

/// <summary>Where a site's lock stands: what waits to be sent or taken back, what failed last.</summary>
public sealed record LockStatus(int Granted, int Waiting, int Failing, string? LastError, DateTime? LastErrorAtUtc);

/// <summary>
/// « Accès par code » of a site (<c>/gestion/espaces/{id}/acces</c>, managers of its network only): the mode, the lock and its
/// settings (the token or secret stored protected and never shown back), and where the lock stands.
/// </summary>
public sealed class SettingsModel(AppDbContext db, DoorCodes codes, TimeProvider clock) : ManagerPage(db)
{
    [BindProperty]
    public DoorAccessInput Input { get; set; } = new();

    public bool HasSecret { get; private set; }
    public LockStatus Status { get; private set; } = new(0, 0, 0, null, null);

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } denied)
        {
            return denied;
        }
        var row = await codes.AccessAsync(id, ct);
        Input = row is null ? new DoorAccessInput() : new DoorAccessInput
        {
            Mode = row.Mode, Lock = row.Lock, LockUrl = row.LockUrl, NukiSmartlockId = row.NukiSmartlockId,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } denied)
        {
            return denied;
        }
        var row = await Db.Set<SiteDoorAccess>().FirstOrDefaultAsync(a => a.SiteId == id, ct);
        var lockChanged = row is null || row.Lock != Input.Lock || row.LockUrl != Input.LockUrl?.Trim() || row.NukiSmartlockId != Input.NukiSmartlockId;
        if (Input.Lock != LockKind.None && string.IsNullOrWhiteSpace(Input.LockSecret) && (!HasSecret || row!.Lock != Input.Lock))
        {
            ModelState.AddModelError("Input.LockSecret", T["Indiquez le jeton d'API Nuki ou le secret de signature du webhook."]);
        }
        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        var now = clock.GetUtcNow().UtcDateTime;
        if (row is null)
        {
            row = new SiteDoorAccess { SiteId = id, NetworkId = Site.NetworkId, CodeKeyProtected = codes.Protect(DoorCodeRules.NewKey()) };
            Db.Set<SiteDoorAccess>().Add(row);
        }
        row.Mode = Input.Mode;
        row.Lock = Input.Lock;
        row.LockUrl = Input.Lock == LockKind.None ? null : Input.LockUrl!.Trim();
        row.NukiSmartlockId = Input.Lock == LockKind.Nuki ? Input.NukiSmartlockId : null;
        if (Input.Lock == LockKind.None)
        {
            row.LockSecretProtected = null;
        }
        else if (!string.IsNullOrWhiteSpace(Input.LockSecret))
        {
            row.LockSecretProtected = codes.Protect(Input.LockSecret.Trim());
        }
        row.UpdatedAtUtc = now;
        row.UpdatedByUserId = CurrentUser.RequiredId;
        if (lockChanged)
        {
            // Another lock: what the former one holds ends with its window there; the new one gets everything anew.
            await Db.Set<DoorGrant>().Where(g => g.SiteId == id && g.State != GrantState.Withdrawn)
                .ExecuteUpdateAsync(u => u.SetProperty(g => g.State, GrantState.Withdrawn).SetProperty(g => g.UpdatedAtUtc, now), ct);
        }
        await Db.SaveChangesAsync(ct);
        Notice = T["L'accès par code de {0} est enregistré.", Site.Name];
        return Redirect($"/gestion/espaces/{id}/acces");
    }

    private async Task<IActionResult?> LoadAsync(int id, CancellationToken ct)
    {
        if (await LoadSiteAsync(id, ct) is { } denied)
        {
            return denied;
        }
        var row = await codes.AccessAsync(id, ct);
        HasSecret = row?.LockSecretProtected is not null;
        var grants = Db.Set<DoorGrant>().AsNoTracking().Where(g => g.SiteId == id);
        var failing = await grants.Where(g => g.Attempts > 0 && (g.State == GrantState.Pending || g.State == GrantState.Withdrawing))
            .OrderByDescending(g => g.UpdatedAtUtc).Select(g => new { g.LastError, g.UpdatedAtUtc }).ToListAsync(ct);
        Status = new LockStatus(
            await grants.CountAsync(g => g.State == GrantState.Granted, ct),
            await grants.CountAsync(g => g.State == GrantState.Pending || g.State == GrantState.Withdrawing, ct),
            failing.Count, failing.FirstOrDefault()?.LastError, failing.FirstOrDefault()?.UpdatedAtUtc);
        return null;
    }
}
