using System.ComponentModel.DataAnnotations;
using Cotravail.Web.Features.Sites;

namespace Cotravail.Web.Common;

/// <summary>A French postcode: five digits.</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field | AttributeTargets.Parameter)]
public sealed class PostcodeAttribute : ValidationAttribute
{
    public PostcodeAttribute() => ErrorMessage = "Le code postal doit comporter 5 chiffres.";

    public override bool IsValid(object? value) =>
        value is null || (value is string s && (s.Trim().Length == 0 || Communes.IsPostcode(s.Trim())));
}

/// <summary>An amount in euros as people type it (« 15 », « 15,00 »): positive, at most two decimals.</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field | AttributeTargets.Parameter)]
public sealed class EurosAttribute : ValidationAttribute
{
    public EurosAttribute() => ErrorMessage = "Le prix doit être un montant en euros positif, par exemple 15,00.";

    public override bool IsValid(object? value) =>
        value is null || (value is string s && (s.Trim().Length == 0 || Money.TryParseEuros(s, out _)));
}
