using System.Globalization;
using System.Text;

namespace Cotravail.Web.Common.Calendar;

/// <summary>
/// Links that put a booking, an event or a whole feed in the calendar people already use: Google Agenda, Outlook on
/// the web, and <c>webcal://</c> for Apple Calendar and the others. Plain links the person follows: nothing is asked
/// of these services before a click. Long texts are cut so the address stays under what browsers and the services
/// accept.
/// </summary>
public static class AddToCalendar
{
    public const string GoogleBase = "https://calendar.google.com/calendar/render";
    public const string OutlookCompose = "https://outlook.live.com/calendar/0/deeplink/compose";
    public const string OutlookSubscribe = "https://outlook.live.com/calendar/0/addfromweb";

    /// <summary>Longest title kept, in characters (a calendar shows one line anyway).</summary>
    public const int TitleLength = 200;

    /// <summary>Longest description kept, in characters: the whole link stays well under 2,000 characters once encoded.</summary>
    public const int DetailsLength = 500;

    /// <summary>Longest place kept, in characters.</summary>
    public const int LocationLength = 200;

    /// <summary>Google Agenda's « new event » form, filled in.</summary>
    public static string Google(CalendarItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        var dates = item.IsAllDay
            ? $"{Day(item.Start)}/{Day(item.End.AddDays(1))}" // Google's end day is excluded
            : $"{Instant(item.Start)}/{Instant(item.End)}";
        return Query(GoogleBase,
            ("action", "TEMPLATE"), ("text", Cut(item.Title, TitleLength)), ("dates", dates),
            ("details", Cut(item.Details, DetailsLength)), ("location", Cut(item.Location, LocationLength)));
    }

    /// <summary>Outlook on the web's « new event » form, filled in.</summary>
    public static string Outlook(CalendarItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        var (start, end) = item.IsAllDay
            ? (IsoDay(item.Start), IsoDay(item.End.AddDays(1)))
            : (IsoInstant(item.Start), IsoInstant(item.End));
        return Query(OutlookCompose,
            ("path", "/calendar/action/compose"), ("rru", "addevent"), ("subject", Cut(item.Title, TitleLength)),
            ("startdt", start), ("enddt", end), ("allday", item.IsAllDay ? "true" : null),
            ("body", Cut(item.Details, DetailsLength)), ("location", Cut(item.Location, LocationLength)));
    }

    /// <summary>The feed's address with the <c>webcal</c> scheme: calendar applications offer to subscribe.</summary>
    public static string Webcal(string feedUrl)
    {
        var uri = Absolute(feedUrl);
        return "webcal://" + uri.Authority + uri.PathAndQuery;
    }

    /// <summary>Google Agenda's « add by URL », for a feed.</summary>
    public static string GoogleSubscribe(string feedUrl) => Query(GoogleBase, ("cid", Webcal(feedUrl)));

    /// <summary>Outlook on the web's « subscribe from the web », for a feed.</summary>
    public static string OutlookSubscribeLink(string feedUrl, string name) =>
        Query(OutlookSubscribe, ("url", Absolute(feedUrl).AbsoluteUri), ("name", Cut(name, TitleLength)));

    private static Uri Absolute(string url)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(url);
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            throw new ArgumentException("A feed's address is an absolute http or https address.", nameof(url));
        }
        return uri;
    }

    private static string Query(string baseUrl, params (string Name, string? Value)[] parameters)
    {
        var text = new StringBuilder(baseUrl);
        var separator = '?';
        foreach (var (name, value) in parameters)
        {
            if (string.IsNullOrEmpty(value))
            {
                continue;
            }
            text.Append(separator).Append(name).Append('=').Append(Uri.EscapeDataString(value));
            separator = '&';
        }
        return text.ToString();
    }

    /// <summary>At most <paramref name="length"/> characters, cut between whole characters (never inside an emoji), ending with « … ».</summary>
    public static string? Cut(string? text, int length)
    {
        text = text?.Trim();
        if (string.IsNullOrEmpty(text) || text.Length <= length)
        {
            return text;
        }
        var elements = StringInfo.ParseCombiningCharacters(text);
        var keep = 0;
        foreach (var index in elements)
        {
            if (index > length - 1)
            {
                break;
            }
            keep = index;
        }
        return text[..keep].TrimEnd() + "…";
    }

    private static string Instant(DateTime utc) => utc.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
    private static string Day(DateTime day) => day.ToString("yyyyMMdd", CultureInfo.InvariantCulture);
    private static string IsoInstant(DateTime utc) => utc.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
    private static string IsoDay(DateTime day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
