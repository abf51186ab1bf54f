using System.Security.Claims;
using Cotravail.Web.Data;
using Cotravail.Web.Features.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Cotravail.Web.Features.Privacy;

/// <summary>
/// Records that an account was used now (at most one write an hour), which also withdraws a retention warning.
/// Give it a database context of its own (it clears its tracker).
/// </summary>
public sealed class ActivityTracker(AppDbContext db, TimeProvider clock)
{
    public static readonly TimeSpan Resolution = TimeSpan.FromHours(1);

    public async Task TouchAsync(string userId, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var stale = now - Resolution;
        var updated = await db.AccountActivities
            .Where(a => a.UserId == userId && a.ErasedAtUtc == null && (a.LastActivityUtc < stale || a.RetentionWarnedAtUtc != null))
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.LastActivityUtc, now).SetProperty(a => a.RetentionWarnedAtUtc, (DateTime?)null), ct);
        if (updated > 0 || await db.AccountActivities.AnyAsync(a => a.UserId == userId, ct))
        {
            return;
        }
        db.AccountActivities.Add(new AccountActivity { UserId = userId, LastActivityUtc = now });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (DbErrors.IsUniqueViolation(e))
        {
            // Two sign-ins at once: the other one wrote the row.
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
    }
}

/// <summary>
/// Identity builds the signed-in principal at each sign-in (pages and API) and at each session renewal: the moment to
/// record the account's activity, for every way of signing in, without touching the sign-in code.
/// </summary>
public sealed class ActivityClaimsFactory(
    UserManager<AppUser> users, RoleManager<IdentityRole> roles, IOptions<IdentityOptions> options, IServiceScopeFactory scopes)
    : UserClaimsPrincipalFactory<AppUser, IdentityRole>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(AppUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var identity = await base.GenerateClaimsAsync(user);
        // Its own scope: Identity's context may be in the middle of its own work.
        await using var scope = scopes.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<ActivityTracker>().TouchAsync(user.Id, CancellationToken.None);
        return identity;
    }
}
