using System.ComponentModel.DataAnnotations;

namespace Cotravail.Web.Features.Entrepreneurs;

/// <summary>A NAF section (a letter from A to U), or nothing.</summary>
[AttributeUsage(AttributeTargets.Parameter | AttributeTargets.Property)]
public sealed class NafSectionAttribute : ValidationAttribute
{
    public NafSectionAttribute() => ErrorMessage = "Le secteur est une lettre de A à U (sections de la NAF).";

    public override bool IsValid(object? value) => value is not string s || s.Length == 0 || NafSections.IsCode(s);
}

/// <summary>The kind of a listing as the API names it (offer, need), or nothing.</summary>
[AttributeUsage(AttributeTargets.Parameter | AttributeTargets.Property)]
public sealed class ListingKindNameAttribute : ValidationAttribute
{
    public ListingKindNameAttribute() => ErrorMessage = "Le type doit être offer ou need.";

    public override bool IsValid(object? value) => value is not string s || s.Length == 0 || BoardQuery.ParseKind(s) is not null;
}

/// <summary>The category of a listing as the API names it, or nothing.</summary>
[AttributeUsage(AttributeTargets.Parameter | AttributeTargets.Property)]
public sealed class ListingCategoryNameAttribute : ValidationAttribute
{
    public ListingCategoryNameAttribute() =>
        ErrorMessage = "La catégorie doit être service, collaboration, subcontracting, equipment, carsharing ou other.";

    public override bool IsValid(object? value) => value is not string s || s.Length == 0 || BoardQuery.ParseCategory(s) is not null;
}
