namespace Cotravail.Web.Features.Events.Mine;

/// <summary>
/// One line of « Mes inscriptions » (and of <c>GET /api/v1/me/registrations</c>): an event registration, a coaching slot
/// held, or a « coup de main ».
/// </summary>
/// <param name="Kind">« event », « coaching » or « volunteering ».</param>
/// <param name="Id">The registration's id (events, coaching), the task's id (volunteering): what cancelling names.</param>
/// <param name="EventKind">The event's kind (workshop, coaching…), null for volunteering.</param>
/// <param name="Title">What it is called.</param>
/// <param name="SiteId">The site that runs it.</param>
/// <param name="SiteName">The site, as people read it.</param>
/// <param name="Start">When it starts, in the site's time zone with its offset.</param>
/// <param name="End">When it ends, the same way.</param>
/// <param name="AllDay">A « coup de main » without hours: the whole day.</param>
/// <param name="Status">registered, waitlisted, pending, cancelled, eventCancelled or signedUp.</param>
/// <param name="WaitlistRank">On the waitlist: how many are before them, plus one (not the number given when they joined).</param>
/// <param name="Path">Its page (a local path).</param>
/// <param name="Upcoming">Not over, and still held: listed under « À venir ».</param>
/// <param name="CanCancel">The member may still cancel it (before it starts).</param>
public sealed record MyItem(
    string Kind, int Id, EventKind? EventKind, string Title, int SiteId, string SiteName, DateTimeOffset Start, DateTimeOffset End,
    bool AllDay, string Status, int? WaitlistRank, string Path, bool Upcoming, bool CanCancel)
{
    public const string EventItem = "event";
    public const string CoachingItem = "coaching";

    public bool IsRegistration => Kind is EventItem or CoachingItem;
}
