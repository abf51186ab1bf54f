using Cotravail.Web.Features.Events.Mine;

namespace Cotravail.Web.Features.MySpace;

/// <summary>
/// « Mon espace » and <c>GET /api/v1/me/summary</c>: what a signed-in person needs first. Every block is empty (or null)
/// when it does not concern them: a member's next bookings, days left, amount due and sign-ups; a host's sites of today;
/// a manager's figures of the week for the networks they manage.
/// </summary>
/// <param name="UpcomingBookings">How many bookings are still to come (<paramref name="NextBookings"/> holds the first few).</param>
/// <param name="HasBooked">The person has booked at least once (else the page invites to a first booking).</param>
/// <param name="DiscoveryDayAvailable">The free discovery day is still theirs.</param>
/// <param name="Due">What remains to pay and how; null when nothing is due.</param>
public sealed record MySummary(
    string Name,
    IReadOnlyList<NextBooking> NextBookings,
    int UpcomingBookings,
    bool HasBooked,
    bool DiscoveryDayAvailable,
    IReadOnlyList<DaysLeft> Entitlements,
    AmountDue? Due,
    IReadOnlyList<MyItem> NextSignups,
    int UpcomingSignups,
    IReadOnlyList<SiteToday> SitesToday,
    IReadOnlyList<NetworkWeek> NetworkWeeks);

/// <summary>A booking to come, in its site's time zone (date, start and end are site-local).</summary>
/// <param name="Period">morning, afternoon or day for desks and offices; null for rooms and booths (by the hour).</param>
/// <param name="FreeCancellationUntil">Site-local moment until which cancelling costs nothing.</param>
/// <param name="FreeCancellation">That moment is still ahead.</param>
/// <param name="CancelPath">The cancellation page of « Mes réservations ».</param>
public sealed record NextBooking(
    int Id, int SiteId, string SiteName, string ResourceName, DateOnly Date, string? Period, TimeOnly Start, TimeOnly End,
    int PriceCents, DateTime FreeCancellationUntil, bool FreeCancellation, bool CanCancel, string CancelPath);

/// <summary>A carnet or a month of subscription not yet expired: <paramref name="Remaining"/> null means unlimited.</summary>
public sealed record DaysLeft(int Id, string Kind, string Name, int? Days, int? Remaining, DateOnly StartsOn, DateOnly ExpiresOn);

/// <summary>What remains to pay, the invoices concerned, and the bank accounts to pay them by transfer.</summary>
public sealed record AmountDue(int TotalCents, bool Overdue, IReadOnlyList<DueInvoice> Invoices, IReadOnlyList<TransferDetails> Transfers);

/// <summary>An invoice with something left to pay; <paramref name="PdfPath"/> downloads it.</summary>
public sealed record DueInvoice(int Id, string Number, int DueCents, DateOnly DueDate, bool Overdue, string PdfPath);

/// <summary>A payee's bank account and the invoice numbers to give as the transfer's reference.</summary>
public sealed record TransferDetails(string Payee, string Iban, string? Bic, IReadOnlyList<string> References);

/// <summary>A site whose reception the person keeps: its « Aujourd'hui » page, today's bookings and who is here now.</summary>
/// <param name="Hosted">The person hosts it (else they manage its network).</param>
public sealed record SiteToday(int SiteId, string Name, string Slug, bool Hosted, int ExpectedToday, int PresentNow, string Path);

/// <summary>
/// A managed network's figures from Monday to Sunday of this week (Paris time): visits, bookings held for those days,
/// people who joined the network, events and their registrations, invoiced (credit notes deducted) and collected.
/// </summary>
public sealed record NetworkWeek(
    int NetworkId, string Name, DateOnly From, DateOnly To, int Visits, int Bookings, int NewMembers, int Events, int Registrations,
    int InvoicedCents, int CollectedCents);
