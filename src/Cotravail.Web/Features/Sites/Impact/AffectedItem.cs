namespace Cotravail.Web.Features.Sites.Impact;

/// <summary>
/// One promise a <see cref="SiteChange"/> breaks: a booking, a date of a series, an event session or a coaching slot,
/// with whom it was made to (for the preview and the one e-mail each person gets).
/// </summary>
/// <param name="Kind">What it is, in French (« Réservation », « Événement », « Accompagnement »).</param>
/// <param name="Key">Unique among all items of a change (« booking:12 », « registration:7 »): the preview's fingerprint.</param>
/// <param name="What">The resource or event title (« Poste 3 », « Atelier Canva »).</param>
/// <param name="PersonName">Who it was made to, as shown to the manager.</param>
/// <param name="Email">Where to tell them; null when unknown (a guest without address): shown, not mailed.</param>
/// <param name="StartUtc">When it starts (UTC); shown in the site's time zone.</param>
/// <param name="EndUtc">When it ends (UTC).</param>
/// <param name="RebookPath">Where to book again or find another date (a local path such as « /reserver?espace=luzech »).</param>
public sealed record AffectedItem(
    string Kind, string Key, string What, string PersonName, string? Email, DateTime StartUtc, DateTime EndUtc, string RebookPath);
