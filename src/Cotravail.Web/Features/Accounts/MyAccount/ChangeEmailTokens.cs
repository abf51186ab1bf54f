using System.Text;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;

namespace Cotravail.Web.Features.Accounts.MyAccount;

/// <summary>
/// The tokens of <see cref="UserManager{TUser}.GenerateChangeEmailTokenAsync"/> and <see cref="UserManager{TUser}.ChangeEmailAsync"/>:
/// as Identity's data-protection tokens (account, purpose with the new address, security stamp, encrypted and signed),
/// valid <see cref="Lifespan"/> on the injected clock, where Identity's provider reads the system clock.
/// </summary>
public sealed class ChangeEmailTokens(IDataProtectionProvider protection, TimeProvider clock) : IUserTwoFactorTokenProvider<AppUser>
{
    public const string Name = "ChangeEmail";
    public static readonly TimeSpan Lifespan = TimeSpan.FromHours(24);

    private readonly IDataProtector _protector = protection.CreateProtector("Cotravail.ChangeEmailTokens");

    public async Task<string> GenerateAsync(string purpose, UserManager<AppUser> manager, AppUser user)
    {
        ArgumentNullException.ThrowIfNull(manager);
        var payload = string.Join('\n', clock.GetUtcNow().UtcTicks.ToString(System.Globalization.CultureInfo.InvariantCulture),
            await manager.GetUserIdAsync(user), purpose, await manager.GetSecurityStampAsync(user));
        return Convert.ToBase64String(_protector.Protect(Encoding.UTF8.GetBytes(payload)));
    }

    public async Task<bool> ValidateAsync(string purpose, string token, UserManager<AppUser> manager, AppUser user)
    {
        ArgumentNullException.ThrowIfNull(manager);
        string[] parts;
        try
        {
            parts = Encoding.UTF8.GetString(_protector.Unprotect(Convert.FromBase64String(token))).Split('\n');
        }
        catch (Exception e) when (e is FormatException or System.Security.Cryptography.CryptographicException)
        {
            return false;
        }
        return parts.Length == 4
            && long.TryParse(parts[0], System.Globalization.CultureInfo.InvariantCulture, out var ticks)
            && clock.GetUtcNow().UtcTicks - ticks is >= 0 and var age && age <= Lifespan.Ticks
            && parts[1] == await manager.GetUserIdAsync(user)
            && parts[2] == purpose
            && parts[3] == await manager.GetSecurityStampAsync(user);
    }

    public Task<bool> CanGenerateTwoFactorTokenAsync(UserManager<AppUser> manager, AppUser user) => Task.FromResult(false);
}
