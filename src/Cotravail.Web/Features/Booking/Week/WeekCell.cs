using System.Globalization;
using Cotravail.Web.Common;
using Microsoft.Extensions.Localization;

namespace Cotravail.Web.Features.Booking.Week;

public enum CellState
{
    Free,
    Partial,
    Full,
    Closed,
    Past,
}

/// <summary>A link to the booking form; the hidden texts tell a screen reader which resource and day it books.</summary>
public sealed record BookLink(string HiddenBefore, string Text, string HiddenAfter, string Href);

/// <summary>What one resource offers on one day, as the week table and the day list both show it: counts, never names.</summary>
public sealed record WeekCell(CellState State, IReadOnlyList<string> Lines, IReadOnlyList<BookLink> Links)
{
    public bool IsShut => State is CellState.Closed or CellState.Past;

    /// <summary>The lines as one sentence: « Matin : 3 places libres ; après-midi : … », « Libre : 8 h 00 – 10 h 00, … ».</summary>
    public string Sentence => Lines.Count > 1 && Lines[0].EndsWith(':')
        ? $"{Lines[0]} {string.Join(", ", Lines.Skip(1))}"
        : string.Join(" ; ", Lines);

    public static WeekCell Build(IStringLocalizer T, ResourceAvailability resource, ResourceDay day, bool canBook)
    {
        ArgumentNullException.ThrowIfNull(T);
        ArgumentNullException.ThrowIfNull(resource);
        ArgumentNullException.ThrowIfNull(day);
        if (!day.Open)
        {
            return day.ClosedReason == "passé"
                ? new(CellState.Past, [T["Passé"]], [])
                : new(CellState.Closed, [day.ClosedReason is null or "fermé" ? T["Fermé"] : T["Fermé : {0}", day.ClosedReason]], []);
        }
        return day.FreeSlots is { } slots ? Hourly(T, resource, day, slots, canBook) : ByPeriod(T, resource, day, canBook);
    }

    private static WeekCell Hourly(IStringLocalizer T, ResourceAvailability resource, ResourceDay day, IReadOnlyList<FreeSlot> slots, bool canBook)
    {
        if (slots.Count == 0)
        {
            return new(CellState.Full, [T["Complet"]], []);
        }
        var texts = slots.Select(s => $"{Format.Time(Hm(s.Start))} – {Format.Time(Hm(s.End))}").ToList();
        if (!canBook)
        {
            return new(CellState.Free, [T["Libre :"], .. texts], []);
        }
        var before = T["Réserver {0}, {1}, créneau libre", resource.Name, Format.LongDate(day.Date)];
        var links = slots.Select((s, i) =>
        {
            var (start, end) = (Hm(s.Start), Hm(s.End));
            var oneHour = start.AddHours(1);
            var until = end == TimeOnly.MinValue || (oneHour > start && oneHour < end) ? oneHour : end;
            return new BookLink(before, texts[i], "", Href(resource, day.Date, $"debut={s.Start}&fin={until.ToString("HH:mm", CultureInfo.InvariantCulture)}"));
        }).ToList();
        return new(CellState.Free, [T["Libre :"]], links);
    }

    private static WeekCell ByPeriod(IStringLocalizer T, ResourceAvailability resource, ResourceDay day, bool canBook)
    {
        var (morning, afternoon) = (day.Morning?.Free ?? 0, day.Afternoon?.Free ?? 0);
        if (morning == 0 && afternoon == 0)
        {
            return new(CellState.Full, [T["Complet"]], []);
        }
        List<string> lines = resource.Capacity > 1
            ? morning == afternoon
                ? [BookingLabels.FreePlaces(T, morning)]
                : [T["Matin : {0}", BookingLabels.FreePlaces(T, morning)], T["Après-midi : {0}", BookingLabels.FreePlaces(T, afternoon)]]
            : [morning > 0 && afternoon > 0 ? T["Libre"] : morning > 0 ? T["Libre le matin"] : T["Libre l'après-midi"]];
        var state = morning > 0 && afternoon > 0 ? CellState.Free : CellState.Partial;
        if (!canBook)
        {
            return new(state, lines, []);
        }
        var period = morning > 0 && afternoon > 0 ? "journee" : morning > 0 ? "matin" : "apres-midi";
        var link = new BookLink("", T["Réserver"], $"{resource.Name}, {Format.LongDate(day.Date)}", Href(resource, day.Date, $"periode={period}"));
        return new(state, lines, [link]);
    }

    private static string Href(ResourceAvailability r, DateOnly date, string rest) =>
        $"/reserver?ressource={r.ResourceId}&date={date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}&{rest}";

    private static TimeOnly Hm(string text) => TimeOnly.ParseExact(text, "HH:mm", CultureInfo.InvariantCulture);
}
