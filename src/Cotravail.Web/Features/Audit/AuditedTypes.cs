using Cotravail.Web.Features.Billing;
using Cotravail.Web.Features.Billing.Entitlements;
using Cotravail.Web.Features.Billing.Products;
using Cotravail.Web.Features.Reception;
using Cotravail.Web.Features.Sites;
using Microsoft.AspNetCore.Identity;

namespace Cotravail.Web.Features.Audit;

/// <summary>
/// What the audit log records: money (invoices and credit notes, payments, cash-ups, sales of rights, products and
/// their prices, reduced-price grants), other people's bookings and check-ins, roles and staff, sites.
/// A record with an owner (a booking, a visit, a role) is logged only when someone else changes it — or the
/// application itself, as when a no-show releases a booking: a member cancelling their own booking is not logged.
/// </summary>
public static class AuditedTypes
{
    /// <summary>
    /// How a type is shown; <paramref name="Subject"/>: the person it concerns; <paramref name="OnlyOthers"/>: logged
    /// only when that person is not the one acting.
    /// </summary>
    public sealed record Audited(string Name, string Label, Func<object, string?>? Subject = null, bool OnlyOthers = false);

    private static readonly Dictionary<Type, Audited> ByType = new()
    {
        [typeof(Invoice)] = new("Invoice", "Facture ou avoir"),
        [typeof(Payment)] = new("Payment", "Paiement"),
        [typeof(CashUp)] = new("CashUp", "Clôture de caisse"),
        [typeof(Entitlement)] = new("Entitlement", "Vente de droits (carnet, abonnement, pass)", o => ((Entitlement)o).UserId),
        [typeof(Product)] = new("Product", "Produit et prix"),
        [typeof(MemberCategoryGrant)] = new("MemberCategoryGrant", "Tarif réduit accordé"),
        [typeof(Booking.Booking)] = new("Booking", "Réservation d'une autre personne", o => ((Booking.Booking)o).UserId, OnlyOthers: true),
        [typeof(Visit)] = new("Visit", "Arrivée (passage)", o => ((Visit)o).UserId, OnlyOthers: true),
        [typeof(IdentityUserRole<string>)] = new("UserRole", "Rôle", o => ((IdentityUserRole<string>)o).UserId, OnlyOthers: true),
        [typeof(SiteHost)] = new("SiteHost", "Équipe d'accueil d'un lieu", o => ((SiteHost)o).UserId),
        [typeof(NetworkManager)] = new("NetworkManager", "Gestionnaire du réseau", o => ((NetworkManager)o).UserId),
        // Written by the reset itself (AuditLog), never by the interceptor: not an entity.
        [typeof(Accounts.TwoFactor.TwoFactorReset)] = new(Accounts.TwoFactor.TwoFactorReset.AuditName, "Double authentification d'un gestionnaire réinitialisée"),
        [typeof(Network)] = new("Network", "Réseau"),
        [typeof(Site)] = new("Site", "Tiers-lieu"),
        [typeof(Resource)] = new("Resource", "Espace réservable"),
        [typeof(OpeningHours)] = new("OpeningHours", "Horaires d'ouverture"),
        [typeof(Closure)] = new("Closure", "Fermeture"),
    };

    public static Audited? For(Type type) => ByType.GetValueOrDefault(type);

    public static IEnumerable<Audited> All => ByType.Values;

    public static string LabelOf(string name) => ByType.Values.FirstOrDefault(a => a.Name == name)?.Label ?? name;

    /// <summary>Fields never written to the log, whatever the type.</summary>
    public static bool IsSecret(string property) =>
        property.Contains("Password", StringComparison.OrdinalIgnoreCase)
        || property.Contains("Hash", StringComparison.OrdinalIgnoreCase)
        || property.Contains("Token", StringComparison.OrdinalIgnoreCase)
        || property.Contains("Stamp", StringComparison.OrdinalIgnoreCase)
        || property.Contains("Secret", StringComparison.OrdinalIgnoreCase);
}
