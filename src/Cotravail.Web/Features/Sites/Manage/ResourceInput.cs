using System.ComponentModel.DataAnnotations;

namespace Cotravail.Web.Features.Sites.Manage;

/// <summary>A bookable resource as a manager types it.</summary>
public sealed class ResourceInput
{
    [Display(Name = "Type")]
    [Required(ErrorMessage = "Le type est obligatoire.")]
    [EnumDataType(typeof(ResourceKind), ErrorMessage = "Ce type n'existe pas.")]
    public ResourceKind? Kind { get; set; }

    [Display(Name = "Nom")]
    [Required(ErrorMessage = "Le nom est obligatoire.")]
    [StringLength(120, ErrorMessage = "Le nom fait au plus 120 caractères.")]
    public string? Name { get; set; }

    [Display(Name = "Capacité")]
    [Required(ErrorMessage = "La capacité est obligatoire.")]
    [Range(1, 500, ErrorMessage = "La capacité doit être comprise entre 1 et 500.")]
    public int? Capacity { get; set; }

    [Display(Name = "Description")]
    [StringLength(1000, ErrorMessage = "La description fait au plus 1000 caractères.")]
    public string? Description { get; set; }

    public static ResourceInput From(Resource r) =>
        new() { Kind = r.Kind, Name = r.Name, Capacity = r.Capacity, Description = r.Description };

    public void ApplyTo(Resource r)
    {
        ArgumentNullException.ThrowIfNull(r);
        r.Kind = Kind!.Value;
        r.Name = Name!.Trim();
        r.Capacity = Capacity!.Value;
        r.Description = string.IsNullOrWhiteSpace(Description) ? null : Description.Trim();
    }
}
