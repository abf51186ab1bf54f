namespace Cotravail.Web.Features.Sites;

/// <summary>
/// What other features do when a manager saves a site's information (billing: the first day pass follows the site's
/// day price). Sites calls every registered one after saving, and knows none of them.
/// </summary>
public interface ISiteSaved
{
    Task SiteSavedAsync(Site site, CancellationToken ct);
}
