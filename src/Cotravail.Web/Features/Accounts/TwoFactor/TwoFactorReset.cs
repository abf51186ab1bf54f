using Cotravail.Web.Data;
using Cotravail.Web.Common.Auditing;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Web.Features.Accounts.TwoFactor;

/// <summary>
/// For a manager who lost both phone and recovery codes: another manager of a network they share turns the person's
/// two-factor authentication off and gives the account a new key. The recovery codes are forgotten and the security
/// stamp renewed, so the person's sessions end; at the next sign-in they set it up again (required of managers). The
/// person is e-mailed, and the audit log records who did it. The caller checks that both manage the network.
/// </summary>
public sealed class TwoFactorReset(AppDbContext db, UserManager<AppUser> users, IAuditLog audit, IdentityMailer mailer)
{
    /// <summary>The audit log's name for this change (declared in AccountsModule).</summary>
    public const string AuditName = "TwoFactorReset";

    public async Task ResetAsync(AppUser person, AppUser manager, int networkId, string networkName, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(person);
        ArgumentNullException.ThrowIfNull(manager);
        using (await WriteGate.EnterAsync(db, ct))
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            var was = await users.GetTwoFactorEnabledAsync(person);
            Check(await users.SetTwoFactorEnabledAsync(person, false));
            Check(await users.ResetAuthenticatorKeyAsync(person));
            _ = await users.GenerateNewTwoFactorRecoveryCodesAsync(person, 0);
            await audit.RecordUpdateAsync(typeof(TwoFactorReset), person.Id, AuditScope.OfNetwork(networkId), person.Id, new Dictionary<string, (object?, object?)>
            {
                ["TwoFactorEnabled"] = (was, false),
                ["Network"] = (networkName, networkName),
            }, ct);
            await mailer.SendTwoFactorResetAsync(person, person.Email!, manager.DisplayName, networkName);
            await tx.CommitAsync(ct);
        }
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException("Two-factor reset failed: " + string.Join(" ", result.Errors.Select(e => e.Code)));
        }
    }
}
