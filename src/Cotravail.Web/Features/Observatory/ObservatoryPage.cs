using Cotravail.Web.Common;
using Microsoft.AspNetCore.Mvc;

namespace Cotravail.Web.Features.Observatory;

/// <summary>
/// What the public and the managers' observatory pages share: the period (« Du », « Au ») and the « Espace » filter,
/// read with their French messages; a bad value answers 400 and nothing is computed.
/// </summary>
public abstract class ObservatoryPage(TimeProvider clock) : LocalizedPage
{
    public IndicatorSet? Set { get; protected set; }

    [BindProperty(SupportsGet = true)]
    public string? Du { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Au { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Espace { get; set; }

    /// <summary>The period and site asked for among <paramref name="sites"/>, or null once the errors are on the page.</summary>
    protected (DateOnly From, DateOnly To, int? SiteId)? ReadFilter(IReadOnlyList<SiteChoice> sites)
    {
        ViewData[SiteChoice.ViewDataKey] = sites;
        var (from, to, errors) = Period.Read(Du, Au, clock);
        var (siteId, siteError, siteArgs) = SiteChoice.Read(Espace, sites);
        foreach (var (field, messages) in errors)
        {
            ModelState.AddModelError(field == "from" ? nameof(Du) : nameof(Au), T[messages[0]]);
        }
        if (siteError is not null)
        {
            ModelState.AddModelError(nameof(Espace), T[siteError, siteArgs]);
        }
        if (errors.Count > 0 || siteError is not null)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return null;
        }
        (Du, Au) = ($"{from:yyyy-MM-dd}", $"{to:yyyy-MM-dd}");
        return (from, to, siteId);
    }
}
