using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cotravail.Web.Features.Accounts.Registration;

/// <summary>
/// The link of the confirmation e-mail. With <c>changedEmail</c> (a change of address asked through the API),
/// it moves the account to the new address, which is also the user name.
/// </summary>
public sealed class ConfirmEmailModel(UserManager<AppUser> users) : PageModel
{
    public bool Confirmed { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? userId, string? code, string? changedEmail)
    {
        var token = AccountMails.Decode(code);
        var user = string.IsNullOrEmpty(userId) || token is null ? null : await users.FindByIdAsync(userId);
        if (user is null || token is null)
        {
            return Refused();
        }
        IdentityResult result;
        if (string.IsNullOrEmpty(changedEmail))
        {
            result = await users.ConfirmEmailAsync(user, token);
        }
        else
        {
            result = await users.ChangeEmailAsync(user, changedEmail, token);
            if (result.Succeeded)
            {
                result = await users.SetUserNameAsync(user, changedEmail);
            }
        }
        if (!result.Succeeded)
        {
            return Refused();
        }
        Confirmed = true;
        return Page();
    }

    private PageResult Refused()
    {
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }
}
