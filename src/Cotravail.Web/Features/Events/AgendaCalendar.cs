using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;

namespace Cotravail.Web.Features.Events;

/// <summary>Events as iCalendar (RFC 5545) with Ical.Net: the public agenda feed and the file joined to e-mails.</summary>
public static class AgendaCalendar
{
    public static string Write(IEnumerable<Event> events, string host, string name)
    {
        ArgumentNullException.ThrowIfNull(events);
        var calendar = new Ical.Net.Calendar { ProductId = "-//Cotravail//Agenda//FR" };
        calendar.AddProperty("X-WR-CALNAME", name);
        foreach (var e in events)
        {
            calendar.Events.Add(new CalendarEvent
            {
                Uid = $"event-{e.Id}@{host}",
                Summary = e.Title,
                Description = EventText.ToPlainText(e.Description),
                Location = e.IsOnline ? e.OnlineUrl : e.Site is null ? null : $"{e.Site.Name}, {e.Site.Address}",
                Start = Utc(e.StartUtc),
                End = Utc(e.EndUtc),
                Status = e.Status == EventStatus.Cancelled ? Ical.Net.EventStatus.Cancelled : Ical.Net.EventStatus.Confirmed,
                Categories = [e.Kind.French(), .. e.TagList],
                DtStamp = Utc(e.CreatedAtUtc),
            });
        }
        return new CalendarSerializer().SerializeToString(calendar) ?? "";
    }

    private static CalDateTime Utc(DateTime utc) => new(DateTime.SpecifyKind(utc, DateTimeKind.Utc), CalDateTime.UtcTzId);
}
