namespace Cotravail.Web.Features.Booking;

/// <summary>
/// What someone asks to book: a desk or office with <see cref="Date"/> + <see cref="Period"/>, or a room or booth with
/// <see cref="Start"/> + <see cref="End"/> (site-local date-times, 30-minute steps). <see cref="Discovery"/> asks for
/// the person's one free discovery day (a desk only).
/// </summary>
public sealed record BookingRequest(int ResourceId, DateOnly? Date, Period? Period, DateTime? Start, DateTime? End, bool Discovery = false);

/// <summary>
/// A request that passed every rule: what to store and which places to take; <see cref="Kind"/> and
/// <see cref="NetworkId"/> tell how it may be paid (a network's entitlements cover its desks).
/// </summary>
public sealed record BookingPlan(
    int SiteId, int ResourceId, DateOnly Date, Period? Period, TimeOnly LocalStart, TimeOnly LocalEnd,
    DateTime StartUtc, DateTime EndUtc, IReadOnlyList<HalfDay> Halves, IReadOnlyList<DateTime> Slots, int Capacity, int PriceCents,
    Sites.ResourceKind Kind, int NetworkId);

/// <summary>The rules' answer: a plan, or the fields that are wrong with a French message each.</summary>
public sealed class RuleResult
{
    public BookingPlan? Plan { get; init; }
    public Dictionary<string, string[]> Errors { get; } = [];

    public bool IsValid => Plan is not null && Errors.Count == 0;

    public RuleResult Add(string field, string message)
    {
        Errors[field] = Errors.TryGetValue(field, out var existing) ? [.. existing, message] : [message];
        return this;
    }
}
