using Cotravail.Web.Common.Auditing;

namespace Cotravail.Web.Features.Reception;

/// <summary>The audit journal's French words for visits (ADR 0044).</summary>
internal static class ReceptionAuditWords
{
    public static AuditFields<Visit> Visit => new AuditFields<Visit>("Arrivée", "Arrivées", feminine: true)
        .Site(nameof(Reception.Visit.SiteId), "Espace")
        .Reference(nameof(Reception.Visit.VisitorId), "Visiteur·euse")
        .Person(nameof(Reception.Visit.UserId), "Membre")
        .Date(nameof(Reception.Visit.Date), "Jour")
        .Instant(nameof(Reception.Visit.ArrivedAtUtc), "Arrivée à")
        .Instant(nameof(Reception.Visit.DepartedAtUtc), "Départ à")
        .Hide(nameof(Reception.Visit.Postcode), AuditFields<Visit>.PersonalData)
        .Hide(nameof(Reception.Visit.CommuneInsee), AuditFields<Visit>.PersonalData)
        .Choice<VisitKind>(nameof(Reception.Visit.Kind), "Venue", k => k == VisitKind.WalkIn ? "sans réservation" : "avec réservation")
        .Choice<VisitSource>(nameof(Reception.Visit.Source), "Enregistrée par", s => s switch
        {
            VisitSource.Wifi => "le Wi-Fi",
            VisitSource.ArrivalCode => "le QR code d'arrivée",
            _ => "l'accueil",
        })
        .Reference(nameof(Reception.Visit.BookingId), "Réservation")
        .Reference(nameof(Reception.Visit.ResourceId), "Ressource")
        .Text(nameof(Reception.Visit.Pass), "Utilisé")
        .Reference(nameof(Reception.Visit.InvoiceId), "Facture");
}
