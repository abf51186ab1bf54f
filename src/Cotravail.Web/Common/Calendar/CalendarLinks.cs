namespace Cotravail.Web.Common.Calendar;

/// <summary>
/// What the « Ajouter à mon agenda » block of one booking or event shows: its .ics file (Apple Calendar, Outlook,
/// Thunderbird…), Google Agenda and Outlook on the web. <paramref name="Context"/> names the item for screen readers,
/// since a page may list many.
/// </summary>
public sealed record CalendarLinks(string IcsPath, string Google, string Outlook, string Context)
{
    public static CalendarLinks For(CalendarItem item, string icsPath, string context) =>
        new(icsPath, AddToCalendar.Google(item), AddToCalendar.Outlook(item), context);
}
