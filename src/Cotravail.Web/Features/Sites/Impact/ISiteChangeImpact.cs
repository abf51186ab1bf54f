namespace Cotravail.Web.Features.Sites.Impact;

/// <summary>
/// What a feature (bookings, events) says about a <see cref="SiteChange"/>: which of its promises the change breaks, and
/// cancelling them. Sites calls every registered one and knows none of them (as <see cref="ISiteSaved"/>).
/// </summary>
public interface ISiteChangeImpact
{
    /// <summary>The items the change would cancel, read only (the preview).</summary>
    Task<IReadOnlyList<AffectedItem>> FindAsync(SiteChange change, CancellationToken ct);

    /// <summary>
    /// Cancels what the change breaks, inside the caller's transaction on the scoped <c>AppDbContext</c>: places, carnet and
    /// subscription days, discovery days given back, no late-cancellation charge, the waitlist not promoted into a place
    /// that no longer exists. Sends no e-mail: returns what it cancelled, and Sites writes one e-mail per person after
    /// the commit.
    /// </summary>
    Task<IReadOnlyList<AffectedItem>> CancelAsync(SiteChange change, CancellationToken ct);
}
