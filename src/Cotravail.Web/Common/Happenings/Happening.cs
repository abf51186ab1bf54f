using System.Text.Json.Serialization;

namespace Cotravail.Web.Common.Happenings;

/// <summary>The kinds of happening other tools may be told about (a network's webhooks subscribe to some of them).</summary>
[Flags]
public enum HappeningKind
{
    None = 0,
    BookingMade = 1,
    BookingCancelled = 2,
    PaymentRecorded = 4,
    InvoiceIssued = 8,
    CheckIn = 16,
    EventRegistration = 32,
}

/// <summary>
/// Where a happening belongs: its network when the producer knows it, else its site, else its event (the network is then
/// read by the statement that records the happening).
/// </summary>
public readonly record struct HappeningPlace(int? NetworkId = null, int? SiteId = null, int? EventId = null);

/// <summary>
/// Something that happened in Cotravail and that other tools may want to hear of. The record's own properties are the
/// <c>data</c> other tools receive: identifiers, times and amounts, never names or addresses.
/// </summary>
public abstract record Happening
{
    [JsonIgnore]
    public abstract HappeningKind Kind { get; }

    [JsonIgnore]
    public abstract HappeningPlace Place { get; }

    /// <summary>The type other tools read (<c>booking.created</c>…).</summary>
    public static string TypeOf(HappeningKind kind) => kind switch
    {
        HappeningKind.BookingMade => "booking.created",
        HappeningKind.BookingCancelled => "booking.cancelled",
        HappeningKind.PaymentRecorded => "payment.recorded",
        HappeningKind.InvoiceIssued => "invoice.issued",
        HappeningKind.CheckIn => "checkin.recorded",
        HappeningKind.EventRegistration => "event.registration.created",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Not a single kind of happening."),
    };

    /// <summary>Every single kind, in the order screens list them.</summary>
    public static readonly IReadOnlyList<HappeningKind> Kinds =
    [
        HappeningKind.BookingMade, HappeningKind.BookingCancelled, HappeningKind.PaymentRecorded,
        HappeningKind.InvoiceIssued, HappeningKind.CheckIn, HappeningKind.EventRegistration,
    ];
}

/// <summary>A booking was made (by the member, in a series, by staff, through the API).</summary>
public sealed record BookingMade(int BookingId, int SiteId, int ResourceId, string UserId, DateOnly Date, DateTime StartUtc, DateTime EndUtc,
    int PriceCents, int? SeriesId) : Happening
{
    [JsonIgnore]
    public override HappeningKind Kind => HappeningKind.BookingMade;

    [JsonIgnore]
    public override HappeningPlace Place => new(SiteId: SiteId);
}

/// <summary>A booking was cancelled (late or not), by its member or by staff.</summary>
public sealed record BookingCancelled(int BookingId, int SiteId, int ResourceId, string UserId, DateTime StartUtc, DateTime EndUtc,
    bool Late, DateTime CancelledAtUtc) : Happening
{
    [JsonIgnore]
    public override HappeningKind Kind => HappeningKind.BookingCancelled;

    [JsonIgnore]
    public override HappeningPlace Place => new(SiteId: SiteId);
}

/// <summary>A payment entered the payments journal (at the desk, by transfer, online).</summary>
public sealed record PaymentRecorded(int PaymentId, int NetworkId, int InvoiceId, int? SiteId, string Method, int AmountCents, int? ReceiptId,
    DateTime RecordedAtUtc) : Happening
{
    [JsonIgnore]
    public override HappeningKind Kind => HappeningKind.PaymentRecorded;

    [JsonIgnore]
    public override HappeningPlace Place => new(NetworkId: NetworkId);
}

/// <summary>An invoice or a credit note was issued (numbered); <c>Document</c> says which: « invoice » or « credit-note ».</summary>
public sealed record InvoiceIssued(int InvoiceId, int NetworkId, string Number, string Document, int TotalCents, DateOnly IssueDate, DateOnly DueDate,
    string? UserId, int? CreditedInvoiceId) : Happening
{
    [JsonIgnore]
    public override HappeningKind Kind => HappeningKind.InvoiceIssued;

    [JsonIgnore]
    public override HappeningPlace Place => new(NetworkId: NetworkId);
}

/// <summary>Someone arrived at a site (checked in by a host, by their card, as a walk-in).</summary>
public sealed record CheckedIn(int VisitId, int SiteId, int NetworkId, string? UserId, string VisitKind, int? BookingId, DateOnly Date,
    DateTime ArrivedAtUtc) : Happening
{
    [JsonIgnore]
    public override HappeningKind Kind => HappeningKind.CheckIn;

    [JsonIgnore]
    public override HappeningPlace Place => new(NetworkId: NetworkId);
}

/// <summary>Someone registered to an event (a place, or the waitlist).</summary>
public sealed record EventRegistered(int RegistrationId, int EventId, string? UserId, string Status, DateTime RegisteredAtUtc) : Happening
{
    [JsonIgnore]
    public override HappeningKind Kind => HappeningKind.EventRegistration;

    [JsonIgnore]
    public override HappeningPlace Place => new(EventId: EventId);
}

/// <summary>
/// Records happenings for other tools, inside the caller's transaction: a happening of work that is undone is never told.
/// Features call it where they commit; the webhooks implement it.
/// </summary>
public interface IHappenings
{
    /// <summary>Records <paramref name="happening"/> in the caller's transaction (when there is one).</summary>
    Task RecordAsync(Happening happening, CancellationToken ct);

    /// <summary>
    /// On PostgreSQL, the same as a command of the caller's batch, written only when <paramref name="onlyIf"/> holds: SQL
    /// that sees the batch's earlier commands and uses one parameter, <c>$1</c> (<paramref name="onlyIfParameter"/>).
    /// </summary>
    Npgsql.NpgsqlBatchCommand PostgresCommand(Happening happening, string onlyIf, Npgsql.NpgsqlParameter onlyIfParameter);
}
