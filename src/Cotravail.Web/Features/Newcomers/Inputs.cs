using System.ComponentModel.DataAnnotations;

namespace Cotravail.Web.Features.Newcomers;

/// <summary>A section of the territory's pages, as a manager edits it.</summary>
public sealed class SectionInput
{
    public const int TitleMax = 120;
    public const int BodyMax = 8000;
    public const int ImageAltMax = 200;

    [Display(Name = "Titre de la rubrique")]
    [Required(ErrorMessage = "Le titre est obligatoire.")]
    [StringLength(TitleMax, ErrorMessage = "Le titre fait au plus 120 caractères.")]
    public string? Title { get; set; }

    [Display(Name = "Texte (Markdown)")]
    [Required(ErrorMessage = "Le texte est obligatoire.")]
    [StringLength(BodyMax, ErrorMessage = "Le texte fait au plus 8000 caractères.")]
    public string? Body { get; set; }

    [Display(Name = "Ordre d'affichage")]
    [Range(0, 999, ErrorMessage = "L'ordre est un nombre de 0 à 999.")]
    public int SortOrder { get; set; }

    [Display(Name = "Description de l'image")]
    [StringLength(ImageAltMax, ErrorMessage = "La description de l'image fait au plus 200 caractères.")]
    public string? ImageAlt { get; set; }

    public bool RemoveImage { get; set; }
}

/// <summary>A member's testimony with the explicit consent to publish it.</summary>
public sealed class TestimonyInput
{
    public const int TextMax = 1500;

    [Display(Name = "Votre témoignage")]
    [Required(ErrorMessage = "Écrivez votre témoignage.")]
    [StringLength(TextMax, ErrorMessage = "Le témoignage fait au plus 1500 caractères.")]
    public string? Text { get; set; }

    [Display(Name = "Votre commune (facultatif)")]
    [StringLength(80, ErrorMessage = "La commune fait au plus 80 caractères.")]
    public string? Commune { get; set; }

    [Display(Name = "J'accepte que ce témoignage soit publié sur les pages publiques de Cotravail, avec mon prénom, l'initiale de mon nom et ma commune. Je peux retirer mon accord à tout moment.")]
    [Range(typeof(bool), "true", "true", ErrorMessage = "Sans votre accord explicite, le témoignage ne peut pas être publié : cochez la case pour le donner.")]
    public bool Consent { get; set; }
}

/// <summary>What a member says when volunteering as an ambassador.</summary>
public sealed class AmbassadorInput
{
    public const int TextMax = 300;

    [Display(Name = "Vos secteurs d'activité")]
    [Required(ErrorMessage = "Indiquez au moins un secteur.")]
    [StringLength(TextMax, ErrorMessage = "Les secteurs font au plus 300 caractères.")]
    public string? Sectors { get; set; }

    [Display(Name = "Vos communes")]
    [Required(ErrorMessage = "Indiquez au moins une commune.")]
    [StringLength(TextMax, ErrorMessage = "Les communes font au plus 300 caractères.")]
    public string? Communes { get; set; }
}

/// <summary>A message of the relay between a newcomer and an ambassador.</summary>
public sealed class RelayInput
{
    public const int BodyMax = 4000;

    [Display(Name = "Votre message")]
    [Required(ErrorMessage = "Écrivez votre message.")]
    [StringLength(BodyMax, ErrorMessage = "Le message fait au plus 4000 caractères.")]
    public string? Body { get; set; }
}
