using Cotravail.Web.Common.Security.RateLimiting;
using Cotravail.Web.Features.Accounts.MyAccount;
using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cotravail.Web.Features.Accounts.Registration;

/// <summary>
/// Creating a member's account. Whether or not the address already has an account, the answer is the same
/// screen (« vérifiez vos e-mails »); only the mailbox's owner learns which case it was (<see cref="ExistingAccountRegistration"/>).
/// </summary>
[RateLimited(RateLimitPolicies.Registration)]
public sealed class RegisterModel(UserManager<AppUser> users, AccountMails mails, ExistingAccountRegistration existingAccounts, TimeProvider clock) : PageModel, IRateLimitedAccount
{
    /// <summary>Counted per address mailed as well as per client address.</summary>
    string? IRateLimitedAccount.RateLimitAccount => Input.Email;

    [BindProperty]
    public InputModel Input { get; set; } = new();

    /// <summary>The list of the postcode's communes (ADR 0051), with the one chosen and the message about it.</summary>
    public CommuneField Commune => new("Input.Commune", "Input_Postcode", Input.Postcode, Input.Commune,
        ModelState.TryGetValue("Input.Commune", out var entry) && entry.Errors.Count > 0 ? entry.Errors[0].ErrorMessage : null);

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var (commune, communeError) = CommuneChoice.Resolve(Input.Postcode, Input.Commune);
        if (communeError is not null)
        {
            ModelState.AddModelError("Input.Commune", communeError);
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var email = Input.Email.Trim();
        if (await users.FindByEmailAsync(email) is { } existing)
        {
            await existingAccounts.AnswerAsync(HttpContext, existing, Input.Password);
            return RedirectToPage(AccountPages.CheckYourMail);
        }

        var user = new AppUser
        {
            UserName = email,
            Email = email,
            FirstName = Input.FirstName.Trim(),
            LastName = Input.LastName.Trim(),
            Postcode = string.IsNullOrWhiteSpace(Input.Postcode) ? null : Input.Postcode.Trim(),
            Commune = commune?.Name,
            CommuneInsee = commune?.Insee,
            CreatedAtUtc = clock.GetUtcNow().UtcDateTime,
        };
        var result = await users.CreateAsync(user, Input.Password);
        if (!result.Succeeded)
        {
            ModelState.AddIdentityErrors(result.Errors, "Input.Password", "Input.Email");
            return Page();
        }
        await MemberRole.GrantAsync(HttpContext.RequestServices, user);
        await mails.SendConfirmationAsync(user);
        return RedirectToPage(AccountPages.CheckYourMail);
    }

    public sealed class InputModel
    {
        [Display(Name = "Prénom")]
        [Required(ErrorMessage = "Indiquez votre prénom.")]
        [StringLength(100, ErrorMessage = "Le prénom ne doit pas dépasser {1} caractères.")]
        public string FirstName { get; set; } = "";

        [Display(Name = "Nom")]
        [Required(ErrorMessage = "Indiquez votre nom.")]
        [StringLength(100, ErrorMessage = "Le nom ne doit pas dépasser {1} caractères.")]
        public string LastName { get; set; } = "";

        [Display(Name = "Adresse e-mail")]
        [Required(ErrorMessage = "Indiquez votre adresse e-mail.")]
        [EmailAddress(ErrorMessage = "Cette adresse e-mail n'est pas valide (exemple : prenom.nom@exemple.fr).")]
        [StringLength(256, ErrorMessage = "L'adresse e-mail ne doit pas dépasser {1} caractères.")]
        public string Email { get; set; } = "";

        [Display(Name = "Code postal de résidence")]
        [RegularExpression("^ *[0-9]{5} *$", ErrorMessage = "Le code postal doit compter 5 chiffres, par exemple 46140.")]
        public string? Postcode { get; set; }

        /// <summary>The INSEE code of the commune chosen among the postcode's (required when it has several).</summary>
        [Display(Name = "Commune de résidence")]
        public string? Commune { get; set; }

        [Display(Name = "Mot de passe")]
        [Required(ErrorMessage = "Choisissez un mot de passe.")]
        [MinLength(PasswordRules.MinLength, ErrorMessage = "Le mot de passe doit contenir au moins {1} caractères.")]
        [MaxLength(PasswordRules.MaxLength, ErrorMessage = "Le mot de passe ne doit pas dépasser {1} caractères.")]
        [DataType(DataType.Password)]
        public string Password { get; set; } = "";

        [Display(Name = "Confirmer le mot de passe")]
        [Required(ErrorMessage = "Saisissez le mot de passe une seconde fois.")]
        [Compare(nameof(Password), ErrorMessage = "Les deux mots de passe ne sont pas identiques.")]
        [DataType(DataType.Password)]
        public string ConfirmPassword { get; set; } = "";
    }
}
