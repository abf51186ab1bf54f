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

    /// <summary>The query's names, which are also the fields' ids and the keys of their errors.</summary>
    public const string FromField = "Du", ToField = "Au", SiteField = "Espace";

    [BindProperty(SupportsGet = true, Name = FromField)]
    public string? From { get; set; }

    [BindProperty(SupportsGet = true, Name = ToField)]
    public string? To { get; set; }

    [BindProperty(SupportsGet = true, Name = SiteField)]
    public string? Site { get; set; }

    /// <summary>The period and site asked for among <paramref name="sites"/>, or null once the errors are on the page.</summary>
    protected (DateOnly From, DateOnly To, int? SiteId)? ReadFilter(IReadOnlyList<SiteChoice> sites)
    {
        ViewData[SiteChoice.ViewDataKey] = sites;
        var (from, to, errors) = Period.Read(From, To, clock);
        var (siteId, siteError, siteArgs) = SiteChoice.Read(Site, sites);
        foreach (var (field, messages) in errors)
        {
            ModelState.AddModelError(field == "from" ? FromField : ToField, T[messages[0]]);
        }
        if (siteError is not null)
        {
            ModelState.AddModelError(SiteField, T[siteError, siteArgs]);
        }
        if (errors.Count > 0 || siteError is not null)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return null;
        }
        (From, To) = ($"{from:yyyy-MM-dd}", $"{to:yyyy-MM-dd}");
        return (from, to, siteId);
    }
}
