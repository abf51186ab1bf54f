using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cotravail.Web.Features.Accounts.MyAccount;

/// <summary>
/// The link sent to a new address (<see cref="EmailChange"/>): the account moves to it. Opened where the account is
/// signed in, the session goes on with the account's new security stamp; elsewhere, the page invites to sign in.
/// </summary>
public sealed class ConfirmAddressModel(UserManager<AppUser> users, SignInManager<AppUser> signIn, EmailChange change) : PageModel
{
    public string? Error { get; private set; }

    public string? NewEmail { get; private set; }

    public bool SignedIn { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? userId, string? email, string? code)
    {
        Error = await change.ConfirmAsync(userId, email, code);
        if (Error is not null)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        NewEmail = email!.Trim();
        if (signIn.IsSignedIn(User) && users.GetUserId(User) == userId && await users.FindByIdAsync(userId!) is { } user)
        {
            await signIn.RefreshSignInAsync(user);
            SignedIn = true;
        }
        return Page();
    }
}
