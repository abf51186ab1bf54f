using System.ComponentModel.DataAnnotations;
using Cotravail.Web.Common;

namespace Cotravail.Web.Features.Sites.Manage;

/// <summary>A network's public name and invoicing identity, as its manager edits them.</summary>
public sealed class NetworkInput
{
    [Display(Name = "Nom du réseau")]
    [Required(ErrorMessage = "Le nom est obligatoire.")]
    [StringLength(120, ErrorMessage = "Le nom fait au plus 120 caractères.")]
    public string? Name { get; set; }

    [Display(Name = "Raison sociale (factures)")]
    [Required(ErrorMessage = "La raison sociale est obligatoire.")]
    [StringLength(200, ErrorMessage = "La raison sociale fait au plus 200 caractères.")]
    public string? LegalName { get; set; }

    [Display(Name = "Adresse du siège (factures)")]
    [Required(ErrorMessage = "L'adresse est obligatoire.")]
    [StringLength(300, ErrorMessage = "L'adresse fait au plus 300 caractères.")]
    public string? LegalAddress { get; set; }

    [Display(Name = "SIRET")]
    [Siret]
    public string? Siret { get; set; }

    [Display(Name = "SIREN de l'intercommunalité desservie")]
    [Epci]
    public string? EpciSiren { get; set; }

    [Display(Name = "Numéro de TVA intracommunautaire")]
    [RegularExpression(@"^\s*FR\s*[0-9A-Z]{2}\s*\d{3}\s*\d{3}\s*\d{3}\s*$", ErrorMessage = "Le numéro de TVA s'écrit FR suivi de 11 caractères, par exemple FR12345678901.")]
    public string? VatNumber { get; set; }

    [Display(Name = "E-mail de contact")]
    [EmailAddress(ErrorMessage = "L'adresse e-mail n'est pas valide.")]
    [StringLength(256, ErrorMessage = "L'adresse e-mail est trop longue.")]
    public string? ContactEmail { get; set; }

    [Display(Name = "IBAN du compte qui reçoit les paiements")]
    [Iban]
    public string? Iban { get; set; }

    [Display(Name = "BIC")]
    [Bic]
    public string? Bic { get; set; }

    [Display(Name = "Option pour le paiement de la TVA d'après les débits")]
    public bool VatOnDebits { get; set; }

    [Display(Name = "Plafond des commandes en ligne non réglées, par membre (€)")]
    [Euros(ErrorMessage = "Le plafond est un montant en euros positif, par exemple 300,00 ; laissez vide pour ne pas en fixer.")]
    public string? UnpaidOrdersCap { get; set; }

    public static NetworkInput From(Network n) => new()
    {
        Name = n.Name, LegalName = n.LegalName, LegalAddress = n.LegalAddress, Siret = n.Siret, EpciSiren = n.EpciSiren, VatNumber = n.VatNumber, ContactEmail = n.ContactEmail,
        Iban = n.Iban is { } iban ? BankAccount.Grouped(iban) : null, Bic = n.Bic, VatOnDebits = n.VatOnDebits,
        UnpaidOrdersCap = n.UnpaidOrdersCapCents is { } cap ? Money.ToInput(cap) : null,
    };

    public void ApplyTo(Network n)
    {
        ArgumentNullException.ThrowIfNull(n);
        n.Name = Name!.Trim();
        n.LegalName = LegalName!.Trim();
        n.LegalAddress = LegalAddress!.Trim();
        n.Siret = string.IsNullOrWhiteSpace(Siret) ? null : new string([.. Siret.Where(char.IsAsciiDigit)]);
        n.EpciSiren = string.IsNullOrWhiteSpace(EpciSiren) ? null : new string([.. EpciSiren.Where(char.IsAsciiDigit)]);
        n.VatNumber = string.IsNullOrWhiteSpace(VatNumber) ? null : VatNumber.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();
        n.ContactEmail = string.IsNullOrWhiteSpace(ContactEmail) ? null : ContactEmail.Trim();
        n.Iban = BankAccount.NormalIban(Iban);
        n.Bic = BankAccount.NormalBic(Bic);
        n.VatOnDebits = VatOnDebits;
        n.UnpaidOrdersCapCents = Money.TryParseEuros(UnpaidOrdersCap, out var cap) ? cap : null;
    }
}

/// <summary>A SIRET: 14 digits (spaces allowed) passing the Luhn check.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class SiretAttribute : ValidationAttribute
{
    public SiretAttribute() : base("Le SIRET comporte 14 chiffres (clé de contrôle comprise).") { }

    public override bool IsValid(object? value)
    {
        if (value is not string s || string.IsNullOrWhiteSpace(s))
        {
            return true;
        }
        var digits = s.Replace(" ", "", StringComparison.Ordinal);
        return digits.Length == 14 && digits.All(char.IsAsciiDigit) && Luhn(digits);
    }

    public static bool Luhn(string digits)
    {
        ArgumentNullException.ThrowIfNull(digits);
        var sum = 0;
        for (var i = 0; i < digits.Length; i++)
        {
            var d = digits[digits.Length - 1 - i] - '0';
            if (i % 2 == 1)
            {
                d *= 2;
                if (d > 9)
                {
                    d -= 9;
                }
            }
            sum += d;
        }
        return sum % 10 == 0;
    }
}

/// <summary>The SIREN of an intercommunality (EPCI) known to the communes reference (9 digits, spaces allowed).</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class EpciAttribute : ValidationAttribute
{
    public EpciAttribute() : base("Ce SIREN n'est celui d'aucune intercommunalité connue (9 chiffres, par exemple 244600433).") { }

    public override bool IsValid(object? value) =>
        value is not string s || string.IsNullOrWhiteSpace(s) || Communes.EpciName(new string([.. s.Where(char.IsAsciiDigit)])) is not null;
}
