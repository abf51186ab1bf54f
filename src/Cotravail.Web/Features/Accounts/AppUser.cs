using Microsoft.AspNetCore.Identity;

namespace Cotravail.Web.Features.Accounts;

/// <summary>A person with an account: member, host or manager.</summary>
public sealed class AppUser : IdentityUser
{
    public string FirstName { get; set; } = "";
    public string LastName { get; set; } = "";

    /// <summary>Postcode of residence, used by the observatory (optional).</summary>
    public string? Postcode { get; set; }

    /// <summary>The name of the commune of <see cref="Postcode"/> in the communes reference, chosen on « Mon compte » (optional).</summary>
    public string? Commune { get; set; }

    /// <summary>The INSEE code of <see cref="Commune"/> (« 46182 » for Luzech): what the observatory counts origins by.</summary>
    public string? CommuneInsee { get; set; }

    /// <summary>« fr » or « en », chosen on « Mon compte »: applied at each sign-in through the language cookie; null = not chosen.</summary>
    public string? PreferredCulture { get; set; }

    /// <summary>Reminders: the day before an event, a week before a carnet or subscription ends, the invitation to rate an event.</summary>
    public bool WantsReminders { get; set; } = true;

    /// <summary>The weekly digest of the directory (opt-in).</summary>
    public bool WantsDigest { get; set; }

    /// <summary>News of the network (opt-in): kept for the senders of such news, none of which exists yet (ADR 0047).</summary>
    public bool WantsNews { get; set; }

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
