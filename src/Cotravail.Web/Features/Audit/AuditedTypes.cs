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
    /// How a type is shown; <paramref name="Scope"/>: the network or site it belongs to (who may read its lines);
    /// <paramref name="Subject"/>: the person it concerns; <paramref name="OnlyOthers"/>: logged only when that person
    /// is not the one acting.
    /// </summary>
    public sealed record Audited(string Name, string Label, Func<object, AuditScope> Scope, Func<object, string?>? Subject = null, bool OnlyOthers = false);

    private static AuditScope Network(int id) => new(id, null);

    private static AuditScope Site(int id) => new(null, id);

    private static readonly Dictionary<Type, Audited> ByType = new()
    {
        [typeof(Invoice)] = new("Invoice", "Facture ou avoir", o => Network(((Invoice)o).NetworkId)),
        [typeof(Payment)] = new("Payment", "Paiement", o => Network(((Payment)o).NetworkId)),
        [typeof(CashUp)] = new("CashUp", "Clôture de caisse", o => Site(((CashUp)o).SiteId)),
        [typeof(Entitlement)] = new("Entitlement", "Vente de droits (carnet, abonnement, pass)", o => Network(((Entitlement)o).NetworkId), o => ((Entitlement)o).UserId),
        [typeof(Product)] = new("Product", "Produit et prix", o => Site(((Product)o).SiteId)),
        [typeof(MemberCategoryGrant)] = new("MemberCategoryGrant", "Tarif réduit accordé", o => Network(((MemberCategoryGrant)o).NetworkId), o => ((MemberCategoryGrant)o).UserId),
        [typeof(Booking.Booking)] = new("Booking", "Réservation d'une autre personne", o => Site(((Booking.Booking)o).SiteId), o => ((Booking.Booking)o).UserId, OnlyOthers: true),
        [typeof(Visit)] = new("Visit", "Arrivée (passage)", o => Site(((Visit)o).SiteId), o => ((Visit)o).UserId, OnlyOthers: true),
        [typeof(IdentityUserRole<string>)] = new("UserRole", "Rôle", _ => AuditScope.Deployment, o => ((IdentityUserRole<string>)o).UserId, OnlyOthers: true),
        [typeof(SiteHost)] = new("SiteHost", "Équipe d'accueil d'un lieu", o => Site(((SiteHost)o).SiteId), o => ((SiteHost)o).UserId),
        [typeof(NetworkManager)] = new("NetworkManager", "Gestionnaire du réseau", o => Network(((NetworkManager)o).NetworkId), o => ((NetworkManager)o).UserId),
        // Written by the reset itself (AuditLog), never by the interceptor: not an entity.
        [typeof(Accounts.TwoFactor.TwoFactorReset)] = new(Accounts.TwoFactor.TwoFactorReset.AuditName, "Double authentification d'un gestionnaire réinitialisée", _ => AuditScope.Deployment),
        [typeof(Network)] = new("Network", "Réseau", o => Network(((Network)o).Id)),
        [typeof(Site)] = new("Site", "Tiers-lieu", o => Network(((Site)o).NetworkId)),
        [typeof(Resource)] = new("Resource", "Espace réservable", o => Site(((Resource)o).SiteId)),
        [typeof(OpeningHours)] = new("OpeningHours", "Horaires d'ouverture", o => Site(((OpeningHours)o).SiteId)),
        [typeof(Closure)] = new("Closure", "Fermeture", o => Site(((Closure)o).SiteId)),
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
