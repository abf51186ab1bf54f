using Cotravail.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Web.Features.Access.Wifi;

/// <summary>A member's personal Wi-Fi code: made the first time it is shown, replaced on request.</summary>
public sealed class WifiCodes(AppDbContext db, TimeProvider clock)
{
    public async Task<string> CodeOfAsync(string userId, CancellationToken ct)
    {
        if (await db.WifiCodes().Where(c => c.UserId == userId).Select(c => c.Code).FirstOrDefaultAsync(ct) is { } code)
        {
            return code;
        }
        db.WifiCodes().Add(new WifiCode { UserId = userId, Code = WifiRules.NewCode(), CreatedAtUtc = clock.GetUtcNow().UtcDateTime });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (DbErrors.IsUniqueViolation(e))
        {
            // Shown twice at once: the first one made is kept.
        }
        db.ChangeTracker.Clear();
        return await db.WifiCodes().Where(c => c.UserId == userId).Select(c => c.Code).FirstAsync(ct);
    }

    /// <summary>A new code; the previous one stops working at once.</summary>
    public async Task<string> RenewAsync(string userId, CancellationToken ct)
    {
        await CodeOfAsync(userId, ct);
        var code = WifiRules.NewCode();
        var now = clock.GetUtcNow().UtcDateTime;
        await db.WifiCodes().Where(c => c.UserId == userId)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.Code, code).SetProperty(c => c.CreatedAtUtc, now), ct);
        return code;
    }
}
