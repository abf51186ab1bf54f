using Cotravail.Web.Common;
using Microsoft.Extensions.Localization;

namespace Cotravail.Web.Features.Events.Mine;

/// <summary>How « Mes inscriptions » writes an item: when (in the site's time zone, « 1er »), what kind, which status.</summary>
public static class MyItemText
{
    /// <summary>« jeudi 10 décembre 2026, 18 h 00 – 20 h 00 », « jeudi 10 décembre 2026 » (a whole day), or both dates.</summary>
    public static string When(MyItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        var startDay = DateOnly.FromDateTime(item.Start.DateTime);
        if (item.AllDay)
        {
            return Format.LongDate(startDay);
        }
        var endDay = DateOnly.FromDateTime(item.End.DateTime);
        var startTime = Format.Time(TimeOnly.FromDateTime(item.Start.DateTime));
        var endTime = Format.Time(TimeOnly.FromDateTime(item.End.DateTime));
        return startDay == endDay
            ? $"{Format.LongDate(startDay)}, {startTime} – {endTime}"
            : $"{Format.LongDate(startDay)}, {startTime} – {Format.LongDate(endDay)}, {endTime}";
    }

    public static string KindLabel(IStringLocalizer l, MyItem item)
    {
        ArgumentNullException.ThrowIfNull(l);
        ArgumentNullException.ThrowIfNull(item);
        return item.EventKind is { } kind ? l[kind.French()] : l["Coup de main"];
    }

    public static string StatusLabel(IStringLocalizer l, MyItem item)
    {
        ArgumentNullException.ThrowIfNull(l);
        ArgumentNullException.ThrowIfNull(item);
        return item.Status switch
        {
            "registered" when item.Kind == MyItem.CoachingItem => l["Créneau réservé"],
            "registered" => l["Inscrit·e"],
            "waitlisted" when item.WaitlistRank == 1 => l["En tête de la liste d'attente"],
            "waitlisted" => l["{0}e sur la liste d'attente", item.WaitlistRank ?? 0],
            "pending" => l["À confirmer : ouvrez le lien reçu par e-mail"],
            "toConfirm" => l["Nouvelle date à confirmer : ouvrez le lien reçu par e-mail"],
            "cancelled" => l["Inscription annulée"],
            "eventCancelled" => l["Événement annulé"],
            "signedUp" => l["Inscrit·e"],
            _ => l["En attente"],
        };
    }
}
