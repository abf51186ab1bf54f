using System.ComponentModel.DataAnnotations;
using Cotravail.Web.Common;

namespace Cotravail.Web.Features.Billing.Products;

/// <summary>A product as a manager types it: prices in euros (VAT included), days and validity for carnets and subscriptions.</summary>
public sealed class ProductInput : IValidatableObject
{
    [Display(Name = "Type de produit")]
    [Required(ErrorMessage = "Choisissez le type de produit.")]
    [EnumDataType(typeof(ProductKind), ErrorMessage = "Ce type de produit n'existe pas.")]
    public ProductKind? Kind { get; set; }

    [Display(Name = "Nom")]
    [Required(ErrorMessage = "Le nom est obligatoire.")]
    [StringLength(120, ErrorMessage = "Le nom fait au plus 120 caractères.")]
    public string? Name { get; set; }

    [Display(Name = "Prix TTC (€)")]
    [Required(ErrorMessage = "Le prix est obligatoire.")]
    [Euros]
    public string? Price { get; set; }

    [Display(Name = "Prix demandeur·euse d'emploi (€, facultatif)")]
    [Euros]
    public string? JobSeekerPrice { get; set; }

    [Display(Name = "Prix étudiant·e (€, facultatif)")]
    [Euros]
    public string? StudentPrice { get; set; }

    [Display(Name = "Nombre de journées")]
    [Range(1, 366, ErrorMessage = "Le nombre de journées va de 1 à 366.")]
    public int? Days { get; set; }

    [Display(Name = "Validité (mois)")]
    [Range(1, 36, ErrorMessage = "La validité va de 1 à 36 mois.")]
    public int? ValidityMonths { get; set; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        var services = validationContext?.GetService(typeof(IServiceProvider)) as IServiceProvider ?? validationContext;
        if (Kind == ProductKind.Carnet && Days is null)
        {
            yield return new ValidationResult(Texts.Get(services, "Un carnet a un nombre de journées."), [nameof(Days)]);
        }
        if (Kind == ProductKind.Carnet && ValidityMonths is null)
        {
            yield return new ValidationResult(Texts.Get(services, "Un carnet a une validité en mois."), [nameof(ValidityMonths)]);
        }
        if (Kind is not (ProductKind.Carnet or ProductKind.Subscription) && Days is not null)
        {
            yield return new ValidationResult(Texts.Get(services, "Seuls un carnet ou un abonnement ont un nombre de journées."), [nameof(Days)]);
        }
        if (Kind != ProductKind.Carnet && ValidityMonths is not null)
        {
            yield return new ValidationResult(Texts.Get(services, "Seul un carnet a une validité en mois (un abonnement vaut un mois)."), [nameof(ValidityMonths)]);
        }
        if (Money.TryParseEuros(Price, out var price))
        {
            foreach (var (text, field) in new[] { (JobSeekerPrice, nameof(JobSeekerPrice)), (StudentPrice, nameof(StudentPrice)) })
            {
                if (!string.IsNullOrWhiteSpace(text) && Money.TryParseEuros(text, out var reduced) && reduced > price)
                {
                    yield return new ValidationResult(Texts.Get(services, "Un prix réduit ne dépasse pas le prix normal."), [field]);
                }
            }
        }
    }

    public static ProductInput From(Product p)
    {
        ArgumentNullException.ThrowIfNull(p);
        return new()
        {
            Kind = p.Kind, Name = p.Name, Price = Money.ToInput(p.PriceCents),
            JobSeekerPrice = p.JobSeekerPriceCents is { } j ? Money.ToInput(j) : null,
            StudentPrice = p.StudentPriceCents is { } s ? Money.ToInput(s) : null,
            Days = p.Days, ValidityMonths = p.ValidityMonths,
        };
    }

    /// <summary>Writes a valid input into the product.</summary>
    public void ApplyTo(Product p)
    {
        ArgumentNullException.ThrowIfNull(p);
        p.Kind = Kind!.Value;
        p.Name = Name!.Trim();
        p.PriceCents = Money.TryParseEuros(Price, out var price) ? price : p.PriceCents;
        p.JobSeekerPriceCents = Optional(JobSeekerPrice);
        p.StudentPriceCents = Optional(StudentPrice);
        p.Days = p.Kind.GivesDays() ? Days : null;
        p.ValidityMonths = p.Kind == ProductKind.Carnet ? ValidityMonths : null;
    }

    private static int? Optional(string? text) => Money.TryParseEuros(text, out var cents) ? cents : null;
}
