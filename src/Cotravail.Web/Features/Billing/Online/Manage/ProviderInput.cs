using System.ComponentModel.DataAnnotations;
using Cotravail.Web.Common;

namespace Cotravail.Web.Features.Billing.Online.Manage;

/// <summary>A network's online payment provider as its manager sets it. Secrets left blank keep the ones stored (the page requires them the first time).</summary>
public sealed class ProviderInput : IValidatableObject
{
    [Display(Name = "Prestataire")]
    public OnlineProviderKind Kind { get; set; }

    [Display(Name = "Numéro de client PayFiP (numcli)")]
    [RegularExpression(@"^\s*\d{6}\s*$", ErrorMessage = "Le numéro de client PayFiP compte 6 chiffres.")]
    public string? PayFipNumcli { get; set; }

    [Display(Name = "Mode PayFiP")]
    [RegularExpression("^[TXW]$", ErrorMessage = "Choisissez le mode PayFiP : test, activation ou production.")]
    public string? PayFipSaisie { get; set; } = PayFipModes.Test;

    [Display(Name = "Clé secrète Stripe")]
    [RegularExpression(@"^\s*(sk|rk)_(test|live)_[A-Za-z0-9]{8,240}\s*$", ErrorMessage = "La clé secrète Stripe commence par sk_test_, sk_live_, rk_test_ ou rk_live_.")]
    public string? StripeSecretKey { get; set; }

    [Display(Name = "Secret de signature du webhook Stripe")]
    [RegularExpression(@"^\s*whsec_[A-Za-z0-9+/=]{8,240}\s*$", ErrorMessage = "Le secret de signature du webhook commence par whsec_.")]
    public string? StripeWebhookSecret { get; set; }

    [Display(Name = "Proposer le prélèvement SEPA (paiement ponctuel et mandat pour les factures mensuelles)")]
    public bool SepaDebitEnabled { get; set; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!Enum.IsDefined(Kind))
        {
            yield return new ValidationResult(Texts.Get(validationContext, "Choisissez un prestataire."), [nameof(Kind)]);
        }
        if (Kind == OnlineProviderKind.PayFip)
        {
            if (string.IsNullOrWhiteSpace(PayFipNumcli))
            {
                yield return new ValidationResult(Texts.Get(validationContext, "Indiquez le numéro de client PayFiP donné par la DGFiP."), [nameof(PayFipNumcli)]);
            }
            if (!PayFipModes.IsValid(PayFipSaisie))
            {
                yield return new ValidationResult(Texts.Get(validationContext, "Choisissez le mode PayFiP : test, activation ou production."), [nameof(PayFipSaisie)]);
            }
        }
    }
}
