using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Localization;

namespace Cotravail.Web.Common;

public static class LanguageSwitch
{
    public const string Path = "/langue";

    /// <summary>
    /// POST /langue (form: culture, returnUrl): remembers the chosen language in a cookie for a year. The form's
    /// antiforgery token is checked here rather than by binding the form, which throws when it is missing: a post without
    /// a valid token, or whose body is no form, answers 400 with the French error page and sets nothing.
    /// </summary>
    public static void MapLanguageSwitch(this IEndpointRouteBuilder app) =>
        app.MapPost(Path, async (HttpContext http, IAntiforgery antiforgery, TimeProvider clock, Security.TransportSecurity transport) =>
        {
            IFormCollection form;
            try
            {
                if (!http.Request.HasFormContentType || !await antiforgery.IsRequestValidAsync(http))
                {
                    return Results.BadRequest();
                }
                form = await http.Request.ReadFormAsync(http.RequestAborted);
            }
            catch (InvalidDataException)
            {
                return Results.BadRequest();
            }
            Remember(http, form["culture"].ToString(), clock, transport);
            var returnUrl = form["returnUrl"].ToString();
            return Results.LocalRedirect(Uri.IsWellFormedUriString(returnUrl, UriKind.Relative) && returnUrl.StartsWith('/') && !returnUrl.StartsWith("//", StringComparison.Ordinal) ? returnUrl : "/");
        }).DisableAntiforgery().ExcludeFromDescription();

    /// <summary>Sets the language cookie for a year: « en » for English, French otherwise (also at sign-in, from the account's choice).</summary>
    public static void Remember(HttpContext http, string? culture, TimeProvider clock, Security.TransportSecurity transport)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(clock);
        ArgumentNullException.ThrowIfNull(transport);
        http.Response.Cookies.Append(
            transport.CookieName(Security.SecurityModule.LanguageCookie),
            CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture == "en" ? "en" : "fr-FR")),
            new CookieOptions { Expires = clock.GetUtcNow().AddYears(1), IsEssential = true, HttpOnly = true, SameSite = SameSiteMode.Lax, Secure = transport.Https || http.Request.IsHttps, Path = "/" });
    }
}
