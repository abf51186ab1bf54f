using Cotravail.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Web.Features.SingleSignOn;

/// <summary>A network's provider as its manager saves it; a blank secret keeps the one stored.</summary>
public sealed record SignOnSettingsInput(
    string DisplayName, string Authority, string ClientId, string? ClientSecret, string Scopes, string EmailClaim,
    bool AllowStaff, bool AllowMembers, bool Enabled);

/// <summary>Reads and saves the networks' providers; a save is known to this instance at once, to the others within <see cref="SignOnProviders.Remembered"/>.</summary>
public sealed class SignOnSettingsStore(AppDbContext db, SignOnSecrets secrets, SignOnProviders providers, TimeProvider clock)
{
    public Task<NetworkSignOn?> FindAsync(int networkId, CancellationToken ct) =>
        db.Set<NetworkSignOn>().AsNoTracking().FirstOrDefaultAsync(p => p.NetworkId == networkId, ct);

    public async Task SaveAsync(int networkId, SignOnSettingsInput input, string userId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(input);
        var row = await db.Set<NetworkSignOn>().FirstOrDefaultAsync(p => p.NetworkId == networkId, ct);
        if (row is null)
        {
            row = new NetworkSignOn { NetworkId = networkId };
            db.Set<NetworkSignOn>().Add(row);
        }
        var authority = input.Authority.Trim();
        var newIssuer = row.Id != 0 && !string.Equals(row.Authority, authority, StringComparison.Ordinal);
        row.DisplayName = input.DisplayName.Trim();
        row.Authority = authority;
        row.ClientId = input.ClientId.Trim();
        if (!string.IsNullOrWhiteSpace(input.ClientSecret))
        {
            row.ClientSecretProtected = secrets.Protect(input.ClientSecret.Trim());
        }
        row.Scopes = string.Join(' ', SignOnRules.ScopeList(input.Scopes));
        row.EmailClaim = string.IsNullOrWhiteSpace(input.EmailClaim) ? SignOnRules.DefaultEmailClaim : input.EmailClaim.Trim();
        row.AllowStaff = input.AllowStaff;
        row.AllowMembers = input.AllowMembers;
        row.Enabled = input.Enabled;
        row.UpdatedAtUtc = clock.GetUtcNow().UtcDateTime;
        row.UpdatedByUserId = userId;
        await using (var tx = await db.Database.BeginTransactionAsync(ct))
        {
            if (newIssuer)
            {
                // Subjects are an issuer's own: those of the former issuer could name other people at the new one.
                var scheme = SignOnRules.SchemeName(networkId);
                await db.UserLogins.Where(l => l.LoginProvider == scheme).ExecuteDeleteAsync(ct);
            }
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        }
        providers.Forget(networkId);
    }
}
