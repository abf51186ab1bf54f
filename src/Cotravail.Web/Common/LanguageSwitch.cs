using Microsoft.AspNetCore.Localization;

namespace Cotravail.Web.Common;

public static class LanguageSwitch
{
    /// <summary>POST /langue (form: culture, returnUrl): remembers the chosen language in a cookie for a year.</summary>
    public static void MapLanguageSwitch(this IEndpointRouteBuilder app) =>
        app.MapPost("/langue", (HttpContext http, IFormCollection form, TimeProvider clock, Security.TransportSecurity transport) =>
        {
            var culture = form["culture"].ToString() == "en" ? "en" : "fr-FR";
            http.Response.Cookies.Append(
                transport.CookieName(Security.SecurityModule.LanguageCookie),
                CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
                new CookieOptions { Expires = clock.GetUtcNow().AddYears(1), IsEssential = true, HttpOnly = true, SameSite = SameSiteMode.Lax, Secure = transport.Https || http.Request.IsHttps, Path = "/" });
            var returnUrl = form["returnUrl"].ToString();
            return Results.LocalRedirect(Uri.IsWellFormedUriString(returnUrl, UriKind.Relative) && returnUrl.StartsWith('/') && !returnUrl.StartsWith("//", StringComparison.Ordinal) ? returnUrl : "/");
        }).ExcludeFromDescription();
}
