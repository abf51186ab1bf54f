using Cotravail.Web.Features.Accounts;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cotravail.Web.Features.SingleSignOn.SignIn;

/// <summary>
/// « Se connecter avec … », a link: sends the browser to the network's provider (authorization code flow with PKCE).
/// A link rather than a form, so that the redirection to the provider is not a form's (the pages' policy posts forms to
/// Cotravail only). The way back is the scheme's callback path, then <see cref="FinishModel"/>. A network without an
/// enabled provider goes back to the sign-in page with a message.
/// </summary>
public sealed class StartModel(SignOnProviders providers, SignInManager<AppUser> signIn, ILogger<StartModel> log) : PageModel
{
    /// <summary>The button's address for a network, with the local address to come back to.</summary>
    public static string PathFor(int networkId, string? returnUrl) =>
        "/compte/connexion-unique/" + networkId.ToString(System.Globalization.CultureInfo.InvariantCulture)
        + (returnUrl is null ? "" : "?ReturnUrl=" + Uri.EscapeDataString(returnUrl));

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public async Task<IActionResult> OnGetAsync(int networkId, CancellationToken ct)
    {
        if ((await providers.AllAsync(ct)).FirstOrDefault(p => p.NetworkId == networkId) is not { } provider)
        {
            return LocalRedirect(SignOnRefusal.Path(SignOnRefusal.Failed));
        }
        var back = Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : null;
        var finish = FinishModel.PathFor(back);
        var properties = signIn.ConfigureExternalAuthenticationProperties(provider.Scheme, finish);
        try
        {
            // Reads the provider's discovery document (kept afterwards): a provider that does not answer is said so.
            await HttpContext.ChallengeAsync(provider.Scheme, properties);
            return new EmptyResult();
        }
        catch (Exception e) when (e is InvalidOperationException or HttpRequestException or IOException or OperationCanceledException)
        {
            SignOnLog.Failed(log, provider.Scheme, e.GetType().Name, e.Message);
            return LocalRedirect(SignOnRefusal.Path(SignOnRefusal.Unavailable));
        }
    }
}
