using Cotravail.Web.Common.Auditing;
using Microsoft.AspNetCore.Identity;

namespace Cotravail.Web.Features.Accounts;

/// <summary>The audit journal's French words for roles and two-factor resets (ADR 0044).</summary>
internal static class AccountsAuditWords
{
    /// <summary>A role given or taken: the row's keys are never shown, the role's name is (written by the log).</summary>
    public static AuditFields<IdentityUserRole<string>> UserRole => new AuditFields<IdentityUserRole<string>>("Rôle", "Rôles", feminine: false)
        .Choice("Role", "Rôle", RoleName);

    public static AuditFields<TwoFactor.TwoFactorReset> TwoFactorReset => new AuditFields<TwoFactor.TwoFactorReset>("Double authentification", "Doubles authentifications", feminine: true)
        .Flag("TwoFactorEnabled", "Double authentification active")
        .Text("Network", "Réseau");

    public static string? RoleName(string role) => role switch
    {
        Roles.Member => "membre",
        Roles.Host => "animateur·rice",
        Roles.Manager => "gestionnaire",
        _ => null,
    };
}
