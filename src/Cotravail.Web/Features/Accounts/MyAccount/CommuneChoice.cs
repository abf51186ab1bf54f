using Cotravail.Web.Common;

namespace Cotravail.Web.Features.Accounts.MyAccount;

/// <summary>
/// The commune of residence, chosen among the communes of a postcode (ADR 0051): « Mon compte », registration and the
/// reception's walk-in form ask it after the postcode, and <c>GET /api/v1/communes</c> lists the choices. A postcode of
/// one commune chooses it; of several, the person says which (its INSEE code, or its name from older clients).
/// </summary>
public static class CommuneChoice
{
    public const string Missing = "Choisissez votre commune : plusieurs communes ont ce code postal.";

    public const string NotAtPostcode = "Cette commune n'a pas ce code postal : choisissez-la dans la liste.";

    /// <summary>The communes of <paramref name="postcode"/> in alphabetical order; none when it is malformed or unknown.</summary>
    public static IReadOnlyList<Commune> At(string? postcode)
    {
        var code = postcode?.Replace(" ", "", StringComparison.Ordinal);
        return Communes.IsPostcode(code) ? Communes.AtPostcode(code!) : [];
    }

    /// <summary>
    /// The commune chosen for <paramref name="postcode"/>: the one whose INSEE code (or name, accents and case ignored) is
    /// <paramref name="chosen"/>, else the postcode's only commune. <see cref="Missing"/> when the postcode has several and
    /// none was chosen, <see cref="NotAtPostcode"/> when the one chosen is not at that postcode. A missing or malformed
    /// postcode, or one of no commune with nothing chosen, gives neither commune nor error: the postcode field says what
    /// is wrong with it, and each form decides whether it accepts a postcode of no commune.
    /// </summary>
    public static (Commune? Commune, string? Error) Resolve(string? postcode, string? chosen)
    {
        var communes = At(postcode);
        var asked = chosen?.Trim();
        if (!Communes.IsPostcode(postcode?.Replace(" ", "", StringComparison.Ordinal)))
        {
            return (null, null);
        }
        if (string.IsNullOrEmpty(asked))
        {
            return communes.Count switch
            {
                0 => (null, null),
                1 => (communes[0], null),
                _ => (null, Missing),
            };
        }
        var key = Communes.Normalise(asked);
        var found = communes.FirstOrDefault(c => c.Insee == asked) ?? communes.FirstOrDefault(c => Communes.Normalise(c.Name) == key);
        return found is null ? (null, NotAtPostcode) : (found, null);
    }
}
