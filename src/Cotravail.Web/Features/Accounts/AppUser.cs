using Microsoft.AspNetCore.Identity;

namespace Cotravail.Web.Features.Accounts;

/// <summary>A person with an account: member, host or manager.</summary>
public sealed class AppUser : IdentityUser
{
    public string FirstName { get; set; } = "";
    public string LastName { get; set; } = "";

    /// <summary>Postcode of residence, used by the observatory (optional).</summary>
    public string? Postcode { get; set; }

    public DateTime CreatedAtUtc { get; set; }

    /// <summary>
    /// The time step (30-second periods since 1970) of the last authenticator code accepted for this account: a code,
    /// and any code of an earlier step, is accepted once (<see cref="TwoFactor.OneTimeCodes"/>).
    /// </summary>
    public long? LastTotpStep { get; set; }

    /// <summary>
    /// First and last name without accents, in lower case, single-spaced (« Hélène Dupré » → « helene dupre »), for the
    /// desk's search by name in the database. Set on every save from the names (<see cref="UserNameKeys"/>).
    /// </summary>
    public string NameKey { get; set; } = "";

    public string DisplayName => $"{FirstName} {LastName}".Trim() is { Length: > 0 } name ? name
        : Tombstones.IsTombstone(Email) ? "Compte supprimé" : Email ?? UserName ?? "";
}
