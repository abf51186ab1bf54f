using Cotravail.Web.Common.Security;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Cotravail.Web.Common;

/// <summary>
/// A page whose handlers write messages (notices, errors) in the reader's language through <c>T</c>, keyed by the French text,
/// and know who asks through <c>CurrentUser</c>.
/// </summary>
public abstract class LocalizedPage : PageModel
{
    private IStringLocalizer? _texts;
    private CurrentUser? _me;

    protected IStringLocalizer T => _texts ??= HttpContext.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>();

    /// <summary>The signed-in person: id, roles, the sites and networks where they are staff.</summary>
    protected CurrentUser CurrentUser => _me ??= HttpContext.RequestServices.GetRequiredService<CurrentUser>();
}

/// <summary>Texts for rules that run outside a page (validation): the localizer when the framework gives one.</summary>
public static class Texts
{
    public static string Get(IServiceProvider? services, string french, params object[] args)
    {
        var localizer = services?.GetService(typeof(IStringLocalizer<SharedResource>)) as IStringLocalizer;
        return localizer is null
            ? string.Format(System.Globalization.CultureInfo.CurrentCulture, french, args)
            : localizer[french, args].Value;
    }
}
