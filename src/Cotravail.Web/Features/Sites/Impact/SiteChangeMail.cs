using System.Globalization;
using Cotravail.Web.Common;
using Cotravail.Web.Common.Mail;

namespace Cotravail.Web.Features.Sites.Impact;

/// <summary>
/// The one e-mail a person gets when a change of a site cancels what they had there: why, each item in the site's time
/// zone, and for each a link to book again. Always in French (the person's language is not known here).
/// </summary>
public static class SiteChangeMail
{
    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");

    /// <summary>One mail per address (compared without case), each listing that person's items; items without address are left out.</summary>
    public static IReadOnlyList<OutgoingMail> For(Site site, SiteChange change, IEnumerable<AffectedItem> cancelled, Func<string, string> absolute)
    {
        ArgumentNullException.ThrowIfNull(site);
        ArgumentNullException.ThrowIfNull(change);
        ArgumentNullException.ThrowIfNull(cancelled);
        ArgumentNullException.ThrowIfNull(absolute);
        return [.. cancelled.Where(i => !string.IsNullOrWhiteSpace(i.Email))
            .GroupBy(i => i.Email!.Trim(), StringComparer.OrdinalIgnoreCase)
            .Select(g => One(site, change, g.Key, [.. g.OrderBy(i => i.StartUtc)], absolute))];
    }

    private static OutgoingMail One(Site site, SiteChange change, string to, IReadOnlyList<AffectedItem> items, Func<string, string> absolute)
    {
        var zone = SiteClock.Zone(site);
        var name = items[0].PersonName;
        var text = new MailText()
            .Paragraph(string.IsNullOrWhiteSpace(name) ? "Bonjour," : $"Bonjour {name},")
            .Paragraph(items.Count == 1
                    ? $"Nous avons dû annuler ce que vous aviez prévu à {site.Name}."
                    : $"Nous avons dû annuler ces {items.Count} choses que vous aviez prévues à {site.Name}.",
                $"Raison : {Capitalised(change.Why)}.");
        foreach (var item in items)
        {
            text.Link($"{item.Kind} — {item.What}, {When(item, zone)}. Pour réserver de nouveau ou choisir une autre date :", absolute(item.RebookPath));
        }
        text.Paragraph("Rien ne vous est facturé : les places, jours de carnet ou d'abonnement et la journée découverte utilisés vous sont rendus.")
            .Paragraph("Toutes nos excuses pour ce changement.", $"L'équipe de {site.Name}");
        var mail = text.ToMail($"Annulation à {site.Name} : {change.Why}");
        return mail with { To = to };
    }

    /// <summary>« mercredi 9 décembre 2026, 8 h 00 – 22 h 00 » in the site's time zone.</summary>
    public static string When(AffectedItem item, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(item);
        var start = TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(item.StartUtc, DateTimeKind.Utc), zone);
        var end = TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(item.EndUtc, DateTimeKind.Utc), zone);
        var day = DateOnly.FromDateTime(start);
        var lastDay = DateOnly.FromDateTime(end);
        return day == lastDay
            ? $"{Format.LongDate(day, French)}, {Time(start)} – {Time(end)}"
            : $"{Format.LongDate(day, French)}, {Time(start)} – {Format.LongDate(lastDay, French)}, {Time(end)}";
    }

    private static string Time(DateTime local) => string.Create(CultureInfo.InvariantCulture, $"{local.Hour}\u00a0h\u00a0{local.Minute:00}");

    private static string Capitalised(string text) => text.Length == 0 ? text : char.ToUpper(text[0], French) + text[1..];
}
