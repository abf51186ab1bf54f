using Cotravail.Web.Common.Security.RateLimiting;
using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cotravail.Web.Features.Accounts.Registration;

/// <summary>A new confirmation e-mail, for an account not confirmed yet; the answer never tells whether there is one.</summary>
[RateLimited(RateLimitPolicies.AccountMail)]
public sealed class ResendConfirmationModel(UserManager<AppUser> users, AccountMails mails) : PageModel, IRateLimitedAccount
{
    string? IRateLimitedAccount.RateLimitAccount => Input.Email;

    public const string SentNotice = "Si un compte en attente de confirmation existe pour cette adresse, un nouveau message vient de lui être envoyé. Ouvrez-le et suivez son lien.";

    [BindProperty]
    public InputModel Input { get; set; } = new();

    [TempData]
    public string? Notice { get; set; }

    public void OnGet(string? email) => Input.Email = email ?? "";

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }
        if (await users.FindByEmailAsync(Input.Email.Trim()) is { EmailConfirmed: false } user)
        {
            await mails.SendConfirmationAsync(user);
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
