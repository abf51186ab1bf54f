using Cotravail.Web.Common.Security.RateLimiting;
using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cotravail.Web.Features.Accounts.Passwords;

/// <summary>
/// Asking for a reset link. The answer is the same whether or not the address has an account; an account not
/// confirmed yet gets the confirmation e-mail instead (its owner cannot sign in before that anyway).
/// </summary>
[RateLimited(RateLimitPolicies.AccountMail)]
public sealed class ForgotPasswordModel(UserManager<AppUser> users, AccountMails mails) : PageModel, IRateLimitedAccount
{
    string? IRateLimitedAccount.RateLimitAccount => Input.Email;

    public const string SentNotice = "Si un compte existe pour cette adresse, nous venons de lui envoyer un e-mail avec un lien pour choisir un nouveau mot de passe. Le lien est valable 24 heures.";

    [BindProperty]
    public InputModel Input { get; set; } = new();

    [TempData]
    public string? Notice { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }
        if (await users.FindByEmailAsync(Input.Email.Trim()) is { } user)
        {
            await (user.EmailConfirmed ? mails.SendPasswordResetAsync(user) : mails.SendConfirmationAsync(user));
        }
        Notice = SentNotice;
        return RedirectToPage();
    }

    public sealed class InputModel
    {
        [Display(Name = "Adresse e-mail")]
        [Required(ErrorMessage = "Indiquez votre adresse e-mail.")]
        [EmailAddress(ErrorMessage = "Cette adresse e-mail n'est pas valide (exemple : prenom.nom@exemple.fr).")]
        [StringLength(256, ErrorMessage = "L'adresse e-mail ne doit pas dépasser {1} caractères.")]
        public string Email { get; set; } = "";
    }
}
