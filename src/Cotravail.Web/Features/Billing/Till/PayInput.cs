using System.ComponentModel.DataAnnotations;
using Cotravail.Web.Common;

namespace Cotravail.Web.Features.Billing.Till;

/// <summary>A payment at reception, as the host types it.</summary>
public sealed class PayInput
{
    [Display(Name = "Numéro de facture")]
    [Required(ErrorMessage = "Indiquez le numéro de la facture, par exemple F2026-000123.")]
    [StringLength(30, ErrorMessage = "Le numéro fait au plus 30 caractères.")]
    public string? InvoiceNumber { get; set; }

    [Display(Name = "Moyen de paiement")]
    [Required(ErrorMessage = "Choisissez le moyen de paiement.")]
    public PaymentMethod? Method { get; set; }

    [Display(Name = "Montant reçu (€)")]
    [Required(ErrorMessage = "Indiquez le montant reçu.")]
    [Euros]
    public string? Amount { get; set; }

    [Display(Name = "Numéro du chèque")]
    [StringLength(30, ErrorMessage = "Le numéro fait au plus 30 caractères.")]
    public string? ChequeNumber { get; set; }

    [Display(Name = "Banque du chèque")]
    [StringLength(80, ErrorMessage = "La banque fait au plus 80 caractères.")]
    public string? ChequeBank { get; set; }

    /// <summary>One-time token of the form: a second submission of the same form records nothing.</summary>
    public string Token { get; set; } = "";
}

/// <summary>The till's closing, as the host counts it.</summary>
public sealed class CloseInput
{
    [Display(Name = "Espèces comptées dans la caisse (€)")]
    [Required(ErrorMessage = "Indiquez le montant compté.")]
    [Euros]
    public string? Counted { get; set; }

    [Display(Name = "Commentaire (facultatif)")]
    [StringLength(500, ErrorMessage = "Le commentaire fait au plus 500 caractères.")]
    public string? Comment { get; set; }
}
