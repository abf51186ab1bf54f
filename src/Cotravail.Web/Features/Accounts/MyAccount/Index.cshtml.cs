using System.ComponentModel.DataAnnotations;
using Cotravail.Web.Common;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Cotravail.Web.Features.Accounts.MyAccount;

/// <summary>
/// « Mon compte »: name, phone, postcode and commune, language and the e-mails received (one form), the address
/// (changed through a link sent to the new one), and the links to the password, two-factor and personal-data pages.
/// </summary>
[Authorize]
public sealed class IndexModel(
    UserManager<AppUser> users, EmailChange emailChange, PreferredLanguage language, IStringLocalizer<SharedResource> l) : PageModel
{
    public const string SavedNotice = "Vos informations ont été enregistrées.";
    public const string EmailSentNotice = "Un lien de confirmation vient d'être envoyé à votre nouvelle adresse : votre compte en changera quand vous l'ouvrirez. Votre adresse actuelle a reçu un message d'information.";

    [BindProperty]
    public DetailsInput Input { get; set; } = new();

    [BindProperty]
    public EmailInput Email { get; set; } = new();

    [TempData]
    public string? Notice { get; set; }

    public AppUser Account { get; private set; } = null!;

    /// <summary>The list of the postcode's communes, with the one chosen and the message about it.</summary>
    public CommuneField Commune => new("Input.Commune", "Input_Postcode", Input.Postcode, Input.Commune, ErrorOf("Input.Commune"));

    public async Task<IActionResult> OnGetAsync()
    {
        if (await users.GetUserAsync(User) is not { } user)
        {
            return Challenge();
        }
        Account = user;
        Input = DetailsInput.Of(AccountDetails.Of(user));
        return Shown();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (await users.GetUserAsync(User) is not { } user)
        {
            return Challenge();
        }
        Account = user;
        ModelState.Clear(); // the e-mail form is not this one
        var (details, errors) = Input.ToDetails().Check(user);
        if (details is null)
        {
            foreach (var (field, message) in errors)
            {
                ModelState.AddModelError("Input." + char.ToUpperInvariant(field[0]) + field[1..], l[message]);
            }
            return Shown();
        }
        details.ApplyTo(user);
        var result = await users.UpdateAsync(user);
        if (!result.Succeeded)
        {
            ModelState.AddIdentityErrors(result.Errors, string.Empty);
            return Shown();
        }
        language.Apply(HttpContext, user);
        Notice = SavedNotice;
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostEmailAsync()
    {
        if (await users.GetUserAsync(User) is not { } user)
        {
            return Challenge();
        }
        Account = user;
        ModelState.Clear();
        Input = DetailsInput.Of(AccountDetails.Of(user));
        var errors = await emailChange.StartAsync(HttpContext, user, Email.NewEmail, Email.Password);
        if (errors.Count > 0)
        {
            foreach (var (field, message) in errors)
            {
                ModelState.AddModelError("Email." + char.ToUpperInvariant(field[0]) + field[1..], l[message]);
            }
            Email.Password = "";
            return Shown();
        }
        Notice = EmailSentNotice;
        return RedirectToPage();
    }

    private PageResult Shown() => Page();

    private string? ErrorOf(string key) =>
        ModelState.TryGetValue(key, out var entry) && entry.Errors.Count > 0 ? entry.Errors[0].ErrorMessage : null;

    public sealed class DetailsInput
    {
        [Display(Name = "Prénom")]
        public string? FirstName { get; set; }

        [Display(Name = "Nom")]
        public string? LastName { get; set; }

        [Display(Name = "Téléphone")]
        public string? Phone { get; set; }

        [Display(Name = "Code postal de résidence")]
        public string? Postcode { get; set; }

        /// <summary>The INSEE code of the commune chosen in the list (a name is accepted too).</summary>
        [Display(Name = "Commune de résidence")]
        public string? Commune { get; set; }

        public string? Language { get; set; }

        [Display(Name = "Les rappels")]
        public bool WantsReminders { get; set; }

        [Display(Name = "Le résumé hebdomadaire de l'annuaire")]
        public bool WantsDigest { get; set; }

        [Display(Name = "Les nouvelles du réseau")]
        public bool WantsNews { get; set; }

        public static DetailsInput Of(AccountDetails d) => new()
        {
            FirstName = d.FirstName, LastName = d.LastName, Phone = PhoneNumbers.Display(d.Phone), Postcode = d.Postcode, Commune = d.CommuneInsee ?? d.Commune,
            Language = d.Language, WantsReminders = d.WantsReminders == true, WantsDigest = d.WantsDigest == true, WantsNews = d.WantsNews == true,
        };

        public AccountDetails ToDetails() => new(FirstName, LastName, Phone, Postcode, Commune, Language, WantsReminders, WantsDigest, WantsNews);
    }

    public sealed class EmailInput
    {
        [Display(Name = "Nouvelle adresse e-mail")]
        public string? NewEmail { get; set; }

        [Display(Name = "Mot de passe actuel")]
        [DataType(DataType.Password)]
        public string? Password { get; set; }
    }
}
