using Cotravail.Web.Features.Sites;

namespace Cotravail.Web.Features.Billing;

/// <summary>
/// The mentions French law asks on every invoice (Code de commerce L441-9, CGI art. 242 nonies A, and those added for
/// electronic invoicing from 2026: the client's SIREN, the category of the operation, the VAT-on-debits option, the
/// delivery address when it differs from the client's).
/// </summary>
public static class InvoiceMentions
{
    public static string PaymentTerms(int days) => days <= 0
        ? "Paiement à réception. Pas d'escompte pour paiement anticipé."
        : $"Paiement à {Common.Plurals.French(days, "{0} jour", "{0} jours")}. Pas d'escompte pour paiement anticipé.";

    public const string LatePenalty =
        "En cas de retard de paiement, pénalités au taux de trois fois le taux d'intérêt légal.";

    public const string RecoveryIndemnity =
        "Pour les clients professionnels : indemnité forfaitaire pour frais de recouvrement de 40 € (art. D441-5 du Code de commerce).";

    /// <summary>What Cotravail sells — desks, rooms, passes, events — are services (« Prestations de services »).</summary>
    public const string OperationCategory = "Catégorie de l'opération : prestations de services.";

    public const string VatOnDebits = "Option pour le paiement de la TVA d'après les débits.";

    /// <summary>The SIREN of a SIRET (its first nine digits), or null.</summary>
    public static string? Siren(string? siret) =>
        siret is { Length: 14 } s && s.All(char.IsAsciiDigit) ? s[..9] : null;

    /// <summary>The place of a service performed at one site: the site's name, street and « postcode commune », one per line.</summary>
    public static string PlaceOfService(Site site)
    {
        ArgumentNullException.ThrowIfNull(site);
        return string.Join('\n', new[] { site.Name, site.Address, $"{site.Postcode} {site.Commune}".Trim() }.Where(l => !string.IsNullOrWhiteSpace(l)));
    }

    /// <summary>The place of the services when they all happened at one site; null for several sites (or none).</summary>
    public static string? PlaceOfService(IEnumerable<Site> sites)
    {
        ArgumentNullException.ThrowIfNull(sites);
        var distinct = sites.DistinctBy(s => s.Id).Take(2).ToList();
        return distinct.Count == 1 ? PlaceOfService(distinct[0]) : null;
    }

    /// <summary>
    /// The delivery address to print: the place of the services unless it is the client's own address (compared without
    /// case, spaces or punctuation, the site's name aside).
    /// </summary>
    public static string? DeliveryAddressToShow(Invoice invoice)
    {
        ArgumentNullException.ThrowIfNull(invoice);
        if (invoice.DeliveryAddress is not { Length: > 0 } place)
        {
            return null;
        }
        var street = string.Join(' ', place.Split('\n').Skip(1));
        return invoice.ClientAddress is { Length: > 0 } client && Flat(client).Contains(Flat(street), StringComparison.Ordinal) ? null : place;
    }

    private static string Flat(string text) => new([.. text.ToUpperInvariant().Where(char.IsLetterOrDigit)]);
}
