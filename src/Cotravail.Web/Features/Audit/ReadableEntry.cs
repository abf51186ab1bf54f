namespace Cotravail.Web.Features.Audit;

/// <summary>
/// An audit entry as a manager reads it (ADR 0044): when (in the site's time zone, else Paris), who, from where, a
/// title (« Horaires d'ouverture modifiés »), the site and the person it concerns, and each record's changes in French.
/// </summary>
public sealed record ReadableEntry(
    DateTimeOffset At, string? Actor, string? ActorEmail, string? Ip, AuditAction Action, string Title, string? Key,
    int? SiteId, string? SiteName, string? Subject, string? SubjectEmail, IReadOnlyList<ReadableRecord> Records);

/// <summary>The changes of one record (or of a set of rows, such as a week's hours), with a heading when the entry holds several.</summary>
public sealed record ReadableRecord(string? Heading, IReadOnlyList<string> Changes);
