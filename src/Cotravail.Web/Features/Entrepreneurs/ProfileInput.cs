using System.ComponentModel.DataAnnotations;
using Cotravail.Web.Common;
using Cotravail.Web.Features.Sites;

namespace Cotravail.Web.Features.Entrepreneurs;

/// <summary>The « Ma fiche » form.</summary>
public sealed class ProfileInput : IValidatableObject
{
    [Display(Name = "Je présente")]
    [Required(ErrorMessage = "Choisissez s'il s'agit d'une personne, d'une entreprise ou d'une association.")]
    public ProfileKind? Kind { get; set; }

    [Display(Name = "Nom affiché")]
    [Required(ErrorMessage = "Le nom est obligatoire.")]
    [StringLength(120, ErrorMessage = "Le nom fait au plus 120 caractères.")]
    public string? Name { get; set; }

    [Display(Name = "Secteur d'activité")]
    public string? Sector { get; set; }

    [Display(Name = "Compétences")]
    [StringLength(600, ErrorMessage = "Les compétences font au plus 600 caractères.")]
    public string? Skills { get; set; }

    [Display(Name = "Code postal")]
    [Required(ErrorMessage = "Le code postal est obligatoire.")]
    public string? Postcode { get; set; }

    [Display(Name = "Commune")]
    [Required(ErrorMessage = "La commune est obligatoire.")]
    [StringLength(100, ErrorMessage = "La commune fait au plus 100 caractères.")]
    public string? Commune { get; set; }

    [Display(Name = "Site web (facultatif)")]
    [StringLength(300, ErrorMessage = "L'adresse du site fait au plus 300 caractères.")]
    public string? Website { get; set; }

    [Display(Name = "Présentation")]
    [StringLength(4000, ErrorMessage = "La présentation fait au plus 4000 caractères.")]
    public string? Presentation { get; set; }

    [Display(Name = "Je propose")]
    [StringLength(1000, ErrorMessage = "Ce texte fait au plus 1000 caractères.")]
    public string? Offers { get; set; }

    [Display(Name = "Je cherche")]
    [StringLength(1000, ErrorMessage = "Ce texte fait au plus 1000 caractères.")]
    public string? Seeks { get; set; }

    [Display(Name = "Qui peut voir ma fiche")]
    [Required(ErrorMessage = "Choisissez qui peut voir votre fiche.")]
    public Visibility? Visibility { get; set; }

    [Display(Name = "Recevoir chaque semaine par e-mail les nouveaux membres et les nouvelles annonces")]
    public bool WantsDigest { get; set; }

    /// <summary>The commune's official name, once validated.</summary>
    public string? OfficialCommune { get; private set; }

    /// <summary>The form of a profile; the digest's choice is the account's (<see cref="Accounts.AppUser.WantsDigest"/>).</summary>
    public static ProfileInput From(Profile p, bool wantsDigest)
    {
        ArgumentNullException.ThrowIfNull(p);
        return new()
        {
            Kind = p.Kind, Name = p.Name, Sector = p.Sector, Skills = p.Skills, Postcode = p.Postcode, Commune = p.Commune,
            Website = p.Website, Presentation = p.Presentation, Offers = p.Offers, Seeks = p.Seeks, Visibility = p.Visibility,
            WantsDigest = wantsDigest,
        };
    }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Kind is { } k && !Enum.IsDefined(k))
        {
            yield return new(Texts.Get(validationContext, "Choisissez s'il s'agit d'une personne, d'une entreprise ou d'une association."), [nameof(Kind)]);
        }
        if (Visibility is { } v && !Enum.IsDefined(v))
        {
            yield return new(Texts.Get(validationContext, "Choisissez qui peut voir votre fiche."), [nameof(Visibility)]);
        }
        if (!string.IsNullOrEmpty(Sector) && !NafSections.IsCode(Sector))
        {
            yield return new(Texts.Get(validationContext, "Choisissez un secteur de la liste."), [nameof(Sector)]);
        }
        var tags = SearchText.Tags(Skills);
        if (tags.Count > SearchText.MaxTags)
        {
            yield return new(Texts.Get(validationContext, "Au plus 12 compétences."), [nameof(Skills)]);
        }
        else if (tags.Any(t => t.Length > SearchText.MaxTagLength))
        {
            yield return new(Texts.Get(validationContext, "Chaque compétence fait au plus 40 caractères (séparez-les par des virgules)."), [nameof(Skills)]);
        }
        if (Postcode is { } pc && !Communes.IsPostcode(pc.Trim()))
        {
            yield return new(Texts.Get(validationContext, "Le code postal s'écrit avec 5 chiffres."), [nameof(Postcode)]);
        }
        else if (Postcode is { } code && Commune is { } name)
        {
            OfficialCommune = Communes.Find(code.Trim(), name);
            if (OfficialCommune is null)
            {
                yield return new(Texts.Get(validationContext, "Cette commune ne correspond pas à ce code postal."), [nameof(Commune)]);
            }
        }
        if (!string.IsNullOrWhiteSpace(Website) && !IsWebAddress(Website.Trim()))
        {
            yield return new(Texts.Get(validationContext, "L'adresse du site doit commencer par https:// ou http://."), [nameof(Website)]);
        }
    }

    public static bool IsWebAddress(string text) =>
        Uri.TryCreate(text, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
        && uri.Host.Length > 0 && string.IsNullOrEmpty(uri.UserInfo);
}
