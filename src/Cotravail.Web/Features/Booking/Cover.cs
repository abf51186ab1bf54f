namespace Cotravail.Web.Features.Booking;

/// <summary>How a booking is paid: the price charged (0 when covered), the entitlement that covered it, or the discovery day.</summary>
public sealed record Cover(int PriceCents, int? EntitlementId, bool IsDiscovery, string? Refusal = null)
{
    public const string DiscoveryOnlyForDesks = "La journée découverte vaut pour un poste en espace partagé (journée ou demi-journée).";
    public const string DiscoveryAlreadyUsed = "Vous avez déjà profité de votre journée découverte gratuite.";

    public bool IsCovered => EntitlementId is not null || IsDiscovery;

    /// <summary>For the discovery day: the person's address as billing keys it, recorded with the day.</summary>
    public string? DiscoveryKey { get; init; }
}
