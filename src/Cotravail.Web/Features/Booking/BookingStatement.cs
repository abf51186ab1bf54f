using System.Globalization;
using System.Text.RegularExpressions;
using Npgsql;

namespace Cotravail.Web.Features.Booking;

/// <summary>The values the PostgreSQL booking statements take (<see cref="PostgresBookingInsert"/>), each named once.</summary>
internal enum BookingParameter
{
    SiteId,
    ResourceId,
    UserId,
    Date,
    Period,
    LocalStart,
    LocalEnd,
    StartUtc,
    EndUtc,
    Status,
    PriceCents,
    SeriesId,
    CreatedAtUtc,
    /// <summary>The half-days the booking holds (an integer array).</summary>
    Halves,
    /// <summary>The 30-minute slots the booking holds (a timestamp array).</summary>
    Slots,
    /// <summary>1 when the booking takes the desk counter's morning, else 0; the same for the afternoon.</summary>
    MorningTaken,
    AfternoonTaken,
    /// <summary>The desk pool's capacity.</summary>
    Capacity,
    /// <summary>The id given to the booking beforehand (the desk statement writes it with its mail).</summary>
    BookingId,
    NetworkId,
    /// <summary>Whether a day or a category could cover the booking (only a desk pool can be covered).</summary>
    Coverable,
}

/// <summary>
/// A statement with positional parameters whose positions are named once: the text says <c>{Name}</c> where a value goes,
/// <paramref name="order"/> gives each name its position (<c>$1</c>, <c>$2</c>…), and <see cref="AddParameters"/> adds
/// the values in that order, by name. A name in the text that is not in the order, a name listed twice or never used
/// in the text fails when the statement is built, not when it runs.
/// </summary>
internal sealed partial class BookingStatement
{
    private readonly BookingParameter[] _order;

    public BookingStatement(string template, params BookingParameter[] order)
    {
        ArgumentNullException.ThrowIfNull(template);
        ArgumentNullException.ThrowIfNull(order);
        if (order.Distinct().Count() != order.Length)
        {
            throw new ArgumentException("A parameter is listed twice.", nameof(order));
        }
        _order = order;
        var used = new HashSet<BookingParameter>();
        Sql = Placeholder().Replace(template, m =>
        {
            var position = Enum.TryParse<BookingParameter>(m.Groups["name"].Value, out var name) ? Array.IndexOf(order, name) : -1;
            if (position < 0)
            {
                throw new ArgumentException($"{m.Value} is not one of the statement's parameters.", nameof(template));
            }
            used.Add(name);
            return "$" + (position + 1).ToString(CultureInfo.InvariantCulture);
        });
        if (order.Where(p => !used.Contains(p)).Select(p => p.ToString()).FirstOrDefault() is { } unused)
        {
            throw new ArgumentException($"{{{unused}}} is listed but the statement never uses it.", nameof(order));
        }
    }

    /// <summary>The text PostgreSQL runs, with <c>$n</c> for each name.</summary>
    public string Sql { get; }

    public IReadOnlyList<BookingParameter> Order => _order;

    /// <summary>Adds the value of each parameter, in the statement's order, to a command that has none yet.</summary>
    public void AddParameters(NpgsqlParameterCollection target, Func<BookingParameter, NpgsqlParameter> value)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(value);
        if (target.Count != 0)
        {
            throw new InvalidOperationException("The command already has parameters: their positions would not be the statement's.");
        }
        foreach (var name in _order)
        {
            target.Add(value(name));
        }
    }

    [GeneratedRegex(@"\{(?<name>[A-Za-z]+)\}")]
    private static partial Regex Placeholder();
}
