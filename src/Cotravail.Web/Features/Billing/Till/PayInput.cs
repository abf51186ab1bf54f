using System.ComponentModel.DataAnnotations;
using Cotravail.Web.Common;

namespace Cotravail.Web.Features.Billing.Till;

/// <summary>Money received at the desk, as the host types it: how, how much, the cheque, and the form's one-time token.</summary>
public abstract class ReceivedInput
{
    [Display(Name = "Moyen de paiement")]
    [Required(ErrorMessage = "Choisissez le moyen de paiement.")]
    public PaymentMethod? Method { get; set; }

    [Display(Name = "Montant reçu (€)")]
    [Required(ErrorMessage = "Indiquez le montant reçu.")]
    [Euros(ErrorMessage = "Le montant reçu doit être un nombre positif en euros, par exemple 15,00.")]
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

/// <summary>A payment at reception on an invoice found by its number, as the host types it.</summary>
public sealed class PayInput : ReceivedInput
{
    [Display(Name = "Numéro de facture")]
    [Required(ErrorMessage = "Indiquez le numéro de la facture, par exemple F2026-000123.")]
    [StringLength(30, ErrorMessage = "Le numéro fait au plus 30 caractères.")]
    public string? InvoiceNumber { get; set; }
}

/// <summary>One payment from a person or a company for the invoices ticked, as the host types it.</summary>
public sealed class SettleInput : ReceivedInput
{
    /// <summary>The person paying (their account), or <see cref="CompanyId"/>.</summary>
    [StringLength(450)]
    public string? PersonId { get; set; }

    public int? CompanyId { get; set; }

    /// <summary>The invoices ticked: the amount goes to them oldest first.</summary>
    public List<int> InvoiceIds { get; set; } = [];
}

/// <summary>The till's closing, as the host counts it.</summary>
public sealed class CloseInput
{
    [Display(Name = "Espèces comptées dans la caisse (€)")]
    [Required(ErrorMessage = "Indiquez le montant compté.")]
    [Euros(ErrorMessage = "Le montant compté doit être un nombre positif en euros, par exemple 152,50.")]
    public string? Counted { get; set; }

    [Display(Name = "Commentaire (obligatoire en cas d'écart)")]
    [StringLength(500, ErrorMessage = "Le commentaire fait au plus 500 caractères.")]
    public string? Comment { get; set; }

    /// <summary>The difference the host confirmed, in cents (the box « Je confirme l'écart de … »).</summary>
    public int? ConfirmedDifference { get; set; }
}

/// <summary>A recount of a day already closed: a new cash-up linked to it, never an edit.</summary>
public sealed class CorrectInput
{
    [Display(Name = "Clôture à corriger")]
    [Required(ErrorMessage = "Choisissez la clôture à corriger.")]
    public int? CashUpId { get; set; }

    [Display(Name = "Espèces comptées à nouveau (€)")]
    [Required(ErrorMessage = "Indiquez le montant compté.")]
    [Euros(ErrorMessage = "Le montant compté doit être un nombre positif en euros, par exemple 152,50.")]
    public string? Counted { get; set; }

    [Display(Name = "Commentaire (obligatoire)")]
    [Required(ErrorMessage = "Expliquez la correction.")]
    [StringLength(500, ErrorMessage = "Le commentaire fait au plus 500 caractères.")]
    public string? Comment { get; set; }

    public int? ConfirmedDifference { get; set; }

    /// <summary>One-time token of the form: sent twice, it records one correction.</summary>
    public string? Token { get; set; }
}
