using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Cotravail.Web.Features.Accounts;

public static class IdentityResultErrors
{
    private static readonly string[] EmailCodes =
    [
        nameof(IdentityErrorDescriber.InvalidEmail), nameof(IdentityErrorDescriber.InvalidUserName),
        nameof(IdentityErrorDescriber.DuplicateEmail), nameof(IdentityErrorDescriber.DuplicateUserName),
    ];

    /// <summary>
    /// Puts Identity's (French) errors next to the field they concern: password rules on <paramref name="passwordField"/>,
    /// address problems on <paramref name="emailField"/> when the form has one, the rest at the top of the form.
    /// </summary>
    public static void AddIdentityErrors(
        this ModelStateDictionary modelState, IEnumerable<IdentityError> errors, string passwordField, string? emailField = null)
    {
        ArgumentNullException.ThrowIfNull(modelState);
        ArgumentNullException.ThrowIfNull(errors);
        foreach (var error in errors)
        {
            var field = error.Code.StartsWith("Password", StringComparison.Ordinal) ? passwordField
                : emailField is not null && EmailCodes.Contains(error.Code) ? emailField
                : string.Empty;
            modelState.AddModelError(field, error.Description);
        }
    }
}
