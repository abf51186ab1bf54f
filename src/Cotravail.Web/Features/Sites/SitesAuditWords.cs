using Cotravail.Web.Common;
using Cotravail.Web.Common.Auditing;

namespace Cotravail.Web.Features.Sites;

/// <summary>The audit journal's French words for the sites' records (ADR 0044): names, field labels, fields never shown.</summary>
internal static class SitesAuditWords
{
    public static AuditFields<Network> Network => new AuditFields<Network>("Réseau", "Réseaux", feminine: false)
        .Text(nameof(Sites.Network.Name), "Nom")
        .Text(nameof(Sites.Network.Slug), "Adresse web (identifiant)")
        .Text(nameof(Sites.Network.LegalName), "Raison sociale")
        .Text(nameof(Sites.Network.LegalAddress), "Adresse légale")
        .Text(nameof(Sites.Network.Siret), "SIRET")
        .Text(nameof(Sites.Network.EpciSiren), "SIREN de l'intercommunalité")
        .Text(nameof(Sites.Network.VatNumber), "Numéro de TVA")
        .Text(nameof(Sites.Network.ContactEmail), "E-mail de contact")
        .Text(nameof(Sites.Network.Iban), "IBAN")
        .Text(nameof(Sites.Network.Bic), "BIC")
        .Percent(nameof(Sites.Network.VatRateBasisPoints), "Taux de TVA")
        .Text(nameof(Sites.Network.VatExemptionMention), "Mention d'exonération de TVA")
        .Flag(nameof(Sites.Network.VatOnDebits), "Option pour la TVA d'après les débits")
        .Number(nameof(Sites.Network.PaymentTermsDays), "Délai de paiement (jours)")
        .Text(nameof(Sites.Network.InvoicePrefix), "Préfixe des numéros de facture")
        .Money(nameof(Sites.Network.UnpaidOrdersCapCents), "Plafond des commandes impayées");

    public static AuditFields<Site> Site => new AuditFields<Site>("Espace", "Espaces", feminine: false)
        .Reference(nameof(Sites.Site.NetworkId), "Réseau")
        .Text(nameof(Sites.Site.Name), "Nom")
        .Text(nameof(Sites.Site.Slug), "Adresse web (identifiant)")
        .Text(nameof(Sites.Site.Commune), "Commune")
        .Text(nameof(Sites.Site.Postcode), "Code postal")
        .Text(nameof(Sites.Site.Address), "Adresse")
        .Text(nameof(Sites.Site.Description), "Description")
        .Number(nameof(Sites.Site.Latitude), "Latitude")
        .Number(nameof(Sites.Site.Longitude), "Longitude")
        .Number(nameof(Sites.Site.AreaSquareMetres), "Surface (m²)")
        .Number(nameof(Sites.Site.InternetDownMbps), "Débit descendant (Mbit/s)")
        .Number(nameof(Sites.Site.InternetUpMbps), "Débit montant (Mbit/s)")
        .Flag(nameof(Sites.Site.StepFreeAccess), "Accès de plain-pied")
        .Text(nameof(Sites.Site.ServicesNearby), "Services à proximité")
        .Text(nameof(Sites.Site.ContactEmail), "E-mail de contact")
        .Text(nameof(Sites.Site.Phone), "Téléphone")
        .Text(nameof(Sites.Site.TimeZone), "Fuseau horaire")
        .Hide(nameof(Sites.Site.UpdatedAtUtc), AuditFields<Sites.Site>.Technical)
        .Money(nameof(Sites.Site.DayPriceCents), "Prix à la journée")
        .Money(nameof(Sites.Site.HalfDayPriceCents), "Prix à la demi-journée")
        .Money(nameof(Sites.Site.OfficeDayPriceCents), "Prix du bureau à la journée")
        .Money(nameof(Sites.Site.OfficeHalfDayPriceCents), "Prix du bureau à la demi-journée")
        .Money(nameof(Sites.Site.RoomHourPriceCents), "Prix de l'heure de salle de réunion")
        .Money(nameof(Sites.Site.BoothHourPriceCents), "Prix de l'heure de cabine téléphonique")
        .Number(nameof(Sites.Site.BookingHorizonDays), "Réservation possible jusqu'à (jours)")
        .Time(nameof(Sites.Site.HalfDaySplit), "Fin de la matinée")
        .Time(nameof(Sites.Site.NoShowTime), "Heure des absences")
        .Time(nameof(Sites.Site.DeskCancelCutoff), "Annulation d'un poste jusqu'à la veille à")
        .Number(nameof(Sites.Site.RoomCancelNoticeMinutes), "Préavis d'annulation d'une salle (minutes)")
        .Flag(nameof(Sites.Site.ClosedOnPublicHolidays), "Fermé les jours fériés")
        .Flag(nameof(Sites.Site.ChargeLateCancellations), "Facturer les annulations tardives")
        .Flag(nameof(Sites.Site.ChargeNoShows), "Facturer les absences")
        .Flag(nameof(Sites.Site.IsArchived), "Archivé");

    public static AuditFields<Resource> Resource => new AuditFields<Resource>("Ressource", "Ressources", feminine: true)
        .Site(nameof(Sites.Resource.SiteId), "Espace")
        .Choice<ResourceKind>(nameof(Sites.Resource.Kind), "Type", k => k.French())
        .Text(nameof(Sites.Resource.Name), "Nom")
        .Text(nameof(Sites.Resource.Description), "Description")
        .Number(nameof(Sites.Resource.Capacity), "Capacité")
        .Flag(nameof(Sites.Resource.IsArchived), "Archivée")
        .Number(nameof(Sites.Resource.SortOrder), "Ordre d'affichage");

    public static AuditFields<OpeningHours> OpeningHours => new AuditFields<OpeningHours>("Horaires d'ouverture", "Horaires d'ouverture", feminine: false)
        .Site(nameof(Sites.OpeningHours.SiteId), "Espace")
        .Day(nameof(Sites.OpeningHours.Day), "Jour")
        .Time(nameof(Sites.OpeningHours.Opens), "Ouverture")
        .Time(nameof(Sites.OpeningHours.Closes), "Fermeture")
        .Time(nameof(Sites.OpeningHours.Opens2), "Réouverture")
        .Time(nameof(Sites.OpeningHours.Closes2), "Fermeture du soir")
        .Grouped(nameof(Sites.OpeningHours.Day), DescribeHours);

    public static AuditFields<Closure> Closure => new AuditFields<Closure>("Fermeture", "Fermetures", feminine: true)
        .Site(nameof(Sites.Closure.SiteId), "Espace")
        .Date(nameof(Sites.Closure.StartDate), "Du")
        .Date(nameof(Sites.Closure.EndDate), "Au")
        .Text(nameof(Sites.Closure.Reason), "Motif");

    public static AuditFields<SiteHost> SiteHost => new AuditFields<SiteHost>("Équipe d'accueil", "Équipes d'accueil", feminine: true)
        .Site(nameof(Sites.SiteHost.SiteId), "Espace")
        .Person(nameof(Sites.SiteHost.UserId), "Animateur·rice");

    public static AuditFields<NetworkManager> NetworkManager => new AuditFields<NetworkManager>("Gestionnaire du réseau", "Gestionnaires du réseau", feminine: false)
        .Reference(nameof(Sites.NetworkManager.NetworkId), "Réseau")
        .Person(nameof(Sites.NetworkManager.UserId), "Gestionnaire");

    /// <summary>« 8 h 30 – 12 h 30, 13 h 30 – 18 h 00 » from a row's stored values.</summary>
    private static string DescribeHours(Func<string, string?> value)
    {
        static string? Time(string? raw) => TimeOnly.TryParse(raw, System.Globalization.CultureInfo.InvariantCulture, out var t) ? Format.Time(t) : raw;
        var first = $"{Time(value(nameof(Sites.OpeningHours.Opens)))} – {Time(value(nameof(Sites.OpeningHours.Closes)))}";
        return value(nameof(Sites.OpeningHours.Opens2)) is { } o2 && value(nameof(Sites.OpeningHours.Closes2)) is { } c2
            ? $"{first}, {Time(o2)} – {Time(c2)}"
            : first;
    }
}
