using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cotravail.Web.Features.Accounts.SignIn;

/// <summary>
/// Signing out: by POST only (the layout's button), back to the home page.
/// A new security stamp first: a copy of this session's cookie is refused at its next check, as are the account's other
/// sessions (checked every <c>Security:SessionCheckMinutes</c>).
/// </summary>
public sealed class LogoutModel(SignInManager<AppUser> signIn) : PageModel
{
    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (await signIn.UserManager.GetUserAsync(User) is { } user)
        {
            await signIn.UserManager.UpdateSecurityStampAsync(user);
        }
        await signIn.SignOutAsync();
        return LocalRedirect("/");
    }
}
