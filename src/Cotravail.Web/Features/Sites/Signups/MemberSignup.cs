namespace Cotravail.Web.Features.Sites.Signups;

/// <summary>
/// One thing a member signed up for (a « coup de main »), as « Mes inscriptions » shows it.
/// </summary>
/// <param name="Kind">What it is, in the API's words (« volunteering »).</param>
/// <param name="Id">Its id within its kind (the task).</param>
/// <param name="Title">What it is called.</param>
/// <param name="SiteId">Where.</param>
/// <param name="SiteName">Where, as people read it.</param>
/// <param name="Start">When it starts, in the site's time zone with its offset (midnight for a whole day).</param>
/// <param name="End">When it ends, the same way (the next midnight for a whole day).</param>
/// <param name="AllDay">No time given: the whole day.</param>
/// <param name="Path">Its page, a local path (« /coups-de-main#coup-de-main-12 »).</param>
public sealed record MemberSignup(
    string Kind, int Id, string Title, int SiteId, string SiteName, DateTimeOffset Start, DateTimeOffset End, bool AllDay, string Path);
