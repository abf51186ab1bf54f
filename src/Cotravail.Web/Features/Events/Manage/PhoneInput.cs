using System.ComponentModel.DataAnnotations;
using Cotravail.Web.Common;

namespace Cotravail.Web.Features.Events.Manage;

/// <summary>A person who phoned to register, as the host notes them: a name, and an e-mail address or a phone number.</summary>
public sealed class PhoneInput : IValidatableObject
{
    [Display(Name = "Prénom et nom")]
    [Required(ErrorMessage = "Le nom est obligatoire.")]
    [StringLength(160, ErrorMessage = "Le nom fait au plus 160 caractères.")]
    public string? Name { get; set; }

    [Display(Name = "Adresse e-mail")]
    [EmailAddress(ErrorMessage = "L'adresse e-mail n'est pas valide.")]
    [StringLength(256, ErrorMessage = "L'adresse e-mail est trop longue.")]
    public string? Email { get; set; }

    [Display(Name = "Téléphone")]
    [StringLength(30, ErrorMessage = "Le numéro de téléphone fait au plus 30 caractères.")]
    public string? Phone { get; set; }

    [Display(Name = "Code postal")]
    [Postcode]
    public string? Postcode { get; set; }

    public bool HasEmail => !string.IsNullOrWhiteSpace(Email);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!HasEmail && string.IsNullOrWhiteSpace(Phone))
        {
            yield return new ValidationResult(Texts.Get(validationContext, "Indiquez une adresse e-mail ou un numéro de téléphone."), [nameof(Email), nameof(Phone)]);
        }
        if (!string.IsNullOrWhiteSpace(Phone) && !IsPhone(Phone))
        {
            yield return new ValidationResult(Texts.Get(validationContext, "Le numéro de téléphone doit compter de 6 à 15 chiffres, par exemple 05 65 12 34 56."), [nameof(Phone)]);
        }
    }

    /// <summary>Digits, with spaces, dots, dashes, brackets or a leading « + »: 6 to 15 digits.</summary>
    public static bool IsPhone(string phone)
    {
        ArgumentNullException.ThrowIfNull(phone);
        var text = phone.Trim();
        var digits = text.Count(char.IsAsciiDigit);
        return digits is >= 6 and <= 15
            && text.Select((c, i) => char.IsAsciiDigit(c) || c is ' ' or '.' or '-' or '(' or ')' || (c == '+' && i == 0)).All(ok => ok);
    }
}
