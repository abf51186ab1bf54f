using System.Globalization;
using Cotravail.Web.Common;
using Cotravail.Web.Features.Sites;

namespace Cotravail.Web.Features.Observatory;

/// <summary>
/// The sites as rows of the national open-data standard « Lieux de médiation numérique » v1.0.2 (ANCT, La MedNum,
/// schema.data.gouv.fr), in the schema's column order. Only sites whose network has a SIRET (the required « pivot »)
/// can be described; the others are left out.
/// </summary>
public static class MediationNumerique
{
    public const string Version = "1.0.2";

    public static readonly string[] Columns =
    [
        "id", "pivot", "nom", "commune", "code_postal", "code_insee", "adresse", "complement_adresse", "latitude", "longitude",
        "typologie", "telephone", "courriels", "site_web", "horaires", "presentation_resume", "presentation_detail", "source",
        "itinerance", "structure_parente", "date_maj", "services", "publics_specifiquement_adresses", "prise_en_charge_specifique",
        "frais_a_charge", "dispositif_programmes_nationaux", "formations_labels", "autres_formations_labels", "modalites_acces",
        "modalites_accompagnement", "fiche_acces_libre", "prise_rdv",
    ];

    private const int SummaryLength = 280;

    /// <summary>One row per site, or null when its network has no SIRET.</summary>
    public static string[]? Row(Site site, Network network, bool holdsEvents, DateOnly updated, string baseUrl, (double Latitude, double Longitude)? position)
    {
        ArgumentNullException.ThrowIfNull(site);
        ArgumentNullException.ThrowIfNull(network);
        var siret = network.Siret?.Replace(" ", "", StringComparison.Ordinal);
        if (string.IsNullOrEmpty(siret) || siret.Length is < 9 or > 14 || !siret.All(char.IsAsciiLetterOrDigit))
        {
            return null;
        }
        var phone = Phone(site.Phone);
        var access = new List<string> { "Se présenter", "Prendre un RDV en ligne" };
        if (phone.Length > 0)
        {
            access.Insert(1, "Téléphoner");
        }
        if (!string.IsNullOrWhiteSpace(site.ContactEmail))
        {
            access.Add("Contacter par mail");
        }
        var page = $"{baseUrl}/espaces/{site.Slug}";
        var description = Oneline(site.Description);
        var values = new Dictionary<string, string>
        {
            ["id"] = $"cotravail-{site.Slug}",
            ["pivot"] = siret,
            ["nom"] = site.Name,
            ["commune"] = site.Commune,
            ["code_postal"] = site.Postcode,
            ["code_insee"] = Communes.FindCommune(site.Postcode, site.Commune)?.Insee ?? "",
            ["adresse"] = Oneline(site.Address),
            ["latitude"] = position is { } p ? Coordinate(p.Latitude) : "",
            ["longitude"] = position is { } q ? Coordinate(q.Longitude) : "",
            ["typologie"] = "TIERS_LIEUX",
            ["telephone"] = phone,
            ["courriels"] = site.ContactEmail?.Trim() ?? "",
            ["site_web"] = page,
            ["horaires"] = OsmOpeningHours.Of(site.OpeningHours, site.ClosedOnPublicHolidays),
            ["presentation_resume"] = description.Length <= SummaryLength ? description : description[..(SummaryLength - 1)].TrimEnd() + "…",
            ["presentation_detail"] = description.Length <= SummaryLength ? "" : description,
            ["source"] = network.Name,
            ["itinerance"] = "Fixe",
            ["structure_parente"] = network.LegalName.Length > 0 ? network.LegalName : network.Name,
            ["date_maj"] = updated.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["services"] = "Accès internet et matériel informatique",
            ["frais_a_charge"] = "Payant",
            ["modalites_acces"] = string.Join('|', access),
            ["modalites_accompagnement"] = holdsEvents ? "En autonomie|Dans un atelier collectif" : "En autonomie",
            ["prise_rdv"] = $"{baseUrl}/reserver",
        };
        return [.. Columns.Select(c => values.GetValueOrDefault(c, ""))];
    }

    /// <summary>« 05 65 12 34 56 » → « +33565123456 », as the standard asks; empty when it is not a French number.</summary>
    public static string Phone(string? phone) =>
        Accounts.MyAccount.PhoneNumbers.Normalise(phone) is { } e164 && e164.StartsWith("+33", StringComparison.Ordinal) ? e164 : "";

    private static string Coordinate(double value) => value.ToString("0.######", CultureInfo.InvariantCulture);

    private static string Oneline(string? text) =>
        string.Join(' ', (text ?? "").Split((char[])['\r', '\n', '\t', ' '], StringSplitOptions.RemoveEmptyEntries));
}
