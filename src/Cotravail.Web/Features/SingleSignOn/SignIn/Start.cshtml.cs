using Cotravail.Web.Features.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cotravail.Web.Features.SingleSignOn.SignIn;

/// <summary>
/// « Se connecter avec … »: sends the browser to the network's provider (authorization code flow with PKCE). The way
/// back is the scheme's callback path, then <see cref="FinishModel"/>. A network without an enabled provider goes back
/// to the sign-in page.
/// </summary>
public sealed class StartModel(SignOnProviders providers, SignInManager<AppUser> signIn) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public IActionResult OnGet() => RedirectToPage(AccountPages.Login);

    public async Task<IActionResult> OnPostAsync(int networkId, CancellationToken ct)
    {
        if ((await providers.AllAsync(ct)).FirstOrDefault(p => p.NetworkId == networkId) is not { } provider)
        {
            return LocalRedirect(SignOnRefusal.Path(SignOnRefusal.Failed));
        }
        var back = Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : null;
        var finish = FinishModel.PathFor(back);
        var properties = signIn.ConfigureExternalAuthenticationProperties(provider.Scheme, finish);
        return Challenge(properties, provider.Scheme);
    }
}
