using Cotravail.Web.Common.Auditing;
using Cotravail.Web.Features.Billing.Entitlements;
using Cotravail.Web.Features.Billing.Products;

namespace Cotravail.Web.Features.Billing;

/// <summary>The audit journal's French words for money records (ADR 0044).</summary>
internal static class BillingAuditWords
{
    private const string Hidden = AuditFields<Invoice>.PersonalData;

    public static AuditFields<Invoice> Invoice => new AuditFields<Invoice>("Facture", "Factures", feminine: true)
        .Reference(nameof(Billing.Invoice.NetworkId), "Réseau")
        .Choice<InvoiceKind>(nameof(Billing.Invoice.Kind), "Type", k => k == InvoiceKind.CreditNote ? "Avoir" : "Facture")
        .Text(nameof(Billing.Invoice.Number), "Numéro")
        .Number(nameof(Billing.Invoice.Year), "Année")
        .Number(nameof(Billing.Invoice.Sequence), "Rang dans la série")
        .Date(nameof(Billing.Invoice.IssueDate), "Date d'émission")
        .Instant(nameof(Billing.Invoice.IssuedAtUtc), "Émise le")
        .Date(nameof(Billing.Invoice.DueDate), "Échéance")
        .Text(nameof(Billing.Invoice.IssuerName), "Émetteur")
        .Text(nameof(Billing.Invoice.IssuerAddress), "Adresse de l'émetteur")
        .Text(nameof(Billing.Invoice.IssuerSiret), "SIRET de l'émetteur")
        .Text(nameof(Billing.Invoice.IssuerVatNumber), "Numéro de TVA de l'émetteur")
        .Text(nameof(Billing.Invoice.VatMention), "Mention de TVA")
        .Text(nameof(Billing.Invoice.IssuerIban), "IBAN de l'émetteur")
        .Text(nameof(Billing.Invoice.IssuerBic), "BIC de l'émetteur")
        .Person(nameof(Billing.Invoice.UserId), "Client (compte)")
        .Text(nameof(Billing.Invoice.ClientName), "Client")
        .Hide(nameof(Billing.Invoice.ClientAddress), Hidden)
        .Hide(nameof(Billing.Invoice.ClientEmail), Hidden)
        .Text(nameof(Billing.Invoice.ClientSiret), "SIRET du client")
        .Flag(nameof(Billing.Invoice.IsBusinessClient), "Client professionnel")
        .Text(nameof(Billing.Invoice.PaymentTerms), "Conditions de paiement")
        .Flag(nameof(Billing.Invoice.VatOnDebits), "TVA d'après les débits").Text(nameof(Billing.Invoice.DeliveryAddress), "Adresse de livraison")
        .Money(nameof(Billing.Invoice.TotalExclTaxCents), "Total HT")
        .Money(nameof(Billing.Invoice.VatCents), "TVA")
        .Money(nameof(Billing.Invoice.TotalInclTaxCents), "Total TTC")
        .Reference(nameof(Billing.Invoice.CreditedInvoiceId), "Facture annulée")
        .Text(nameof(Billing.Invoice.CreditedInvoiceNumber), "Numéro de la facture annulée")
        .Text(nameof(Billing.Invoice.CreditReason), "Motif de l'avoir");

    public static AuditFields<Payment> Payment => new AuditFields<Payment>("Paiement", "Paiements", feminine: false)
        .Reference(nameof(Billing.Payment.InvoiceId), "Facture")
        .Reference(nameof(Billing.Payment.NetworkId), "Réseau")
        .Site(nameof(Billing.Payment.SiteId), "Espace")
        .Choice<PaymentMethod>(nameof(Billing.Payment.Method), "Moyen de paiement", m => m.French())
        .Money(nameof(Billing.Payment.AmountCents), "Montant")
        .Text(nameof(Billing.Payment.ChequeNumber), "Numéro du chèque")
        .Text(nameof(Billing.Payment.ChequeBank), "Banque du chèque")
        .Text(nameof(Billing.Payment.Reference), "Référence")
        .Text(nameof(Billing.Payment.ProviderReference), "Référence du paiement en ligne")
        .Instant(nameof(Billing.Payment.RecordedAtUtc), "Enregistré le")
        .Person(nameof(Billing.Payment.RecordedByUserId), "Enregistré par")
        .Reference(nameof(Billing.Payment.CashUpId), "Clôture de caisse")
        .Reference(nameof(Billing.Payment.ReceiptId), "Reçu");

    public static AuditFields<CashUp> CashUp => new AuditFields<CashUp>("Clôture de caisse", "Clôtures de caisse", feminine: true)
        .Site(nameof(Billing.CashUp.SiteId), "Espace")
        .Date(nameof(Billing.CashUp.Date), "Jour")
        .Money(nameof(Billing.CashUp.ExpectedCents), "Attendu")
        .Money(nameof(Billing.CashUp.CountedCents), "Compté")
        .Money(nameof(Billing.CashUp.DifferenceCents), "Écart")
        .Text(nameof(Billing.CashUp.Comment), "Commentaire")
        .Instant(nameof(Billing.CashUp.ClosedAtUtc), "Clôturée le")
        .Person(nameof(Billing.CashUp.ClosedByUserId), "Clôturée par")
        .Reference(nameof(Billing.CashUp.CorrectsCashUpId), "Corrige la clôture");

    public static AuditFields<Receipt> Receipt => new AuditFields<Receipt>("Reçu de caisse", "Reçus de caisse", feminine: false)
        .Reference(nameof(Billing.Receipt.NetworkId), "Réseau")
        .Site(nameof(Billing.Receipt.SiteId), "Espace")
        .Text(nameof(Billing.Receipt.Number), "Numéro")
        .Number(nameof(Billing.Receipt.Year), "Année")
        .Number(nameof(Billing.Receipt.Sequence), "Rang dans la série")
        .Date(nameof(Billing.Receipt.Date), "Jour")
        .Instant(nameof(Billing.Receipt.ReceivedAtUtc), "Reçu le")
        .Person(nameof(Billing.Receipt.PayerUserId), "Payé par (compte)")
        .Reference(nameof(Billing.Receipt.PayerCompanyId), "Entreprise")
        .Text(nameof(Billing.Receipt.PayerName), "Payé par")
        .Choice<PaymentMethod>(nameof(Billing.Receipt.Method), "Moyen de paiement", m => m.French())
        .Money(nameof(Billing.Receipt.TotalCents), "Total")
        .Person(nameof(Billing.Receipt.RecordedByUserId), "Enregistré par")
        .Instant(nameof(Billing.Receipt.EmailedAtUtc), "Envoyé par e-mail le");

    public static AuditFields<Entitlement> Entitlement => new AuditFields<Entitlement>("Vente de droits", "Ventes de droits", feminine: true)
        .Reference(nameof(Entitlements.Entitlement.NetworkId), "Réseau")
        .Site(nameof(Entitlements.Entitlement.SiteId), "Espace")
        .Reference(nameof(Entitlements.Entitlement.ProductId), "Produit")
        .Person(nameof(Entitlements.Entitlement.UserId), "Membre")
        .Choice<ProductKind>(nameof(Entitlements.Entitlement.Kind), "Type", k => k.French())
        .Text(nameof(Entitlements.Entitlement.Name), "Nom")
        .Number(nameof(Entitlements.Entitlement.Days), "Journées")
        .Number(nameof(Entitlements.Entitlement.Used), "Journées utilisées")
        .Date(nameof(Entitlements.Entitlement.StartsOn), "Valable du")
        .Date(nameof(Entitlements.Entitlement.ExpiresOn), "Valable jusqu'au")
        .Reference(nameof(Entitlements.Entitlement.InvoiceId), "Facture")
        .Instant(nameof(Entitlements.Entitlement.CreatedAtUtc), "Vendue le")
        .Person(nameof(Entitlements.Entitlement.SoldByUserId), "Vendue par")
        .Number(nameof(Entitlements.Entitlement.WithdrawnDays), "Journées reprises par avoir")
        .Reference(nameof(Entitlements.Entitlement.WithdrawnByInvoiceId), "Avoir de reprise")
        .Instant(nameof(Entitlements.Entitlement.ExpiryReminderSentAtUtc), "Rappel d'expiration envoyé le")
        .Hide(nameof(Entitlements.Entitlement.ExpiryReminderClaimedUntilUtc), AuditFields<Entitlement>.Technical)
        .Hide(nameof(Entitlements.Entitlement.ExpiryReminderClaimId), AuditFields<Entitlement>.Technical);

    public static AuditFields<Product> Product => new AuditFields<Product>("Produit", "Produits", feminine: false)
        .Site(nameof(Products.Product.SiteId), "Espace")
        .Choice<ProductKind>(nameof(Products.Product.Kind), "Type", k => k.French())
        .Text(nameof(Products.Product.Name), "Nom")
        .Money(nameof(Products.Product.PriceCents), "Prix")
        .Money(nameof(Products.Product.JobSeekerPriceCents), "Prix demandeur·euse d'emploi")
        .Money(nameof(Products.Product.StudentPriceCents), "Prix étudiant·e")
        .Number(nameof(Products.Product.Days), "Journées")
        .Number(nameof(Products.Product.ValidityMonths), "Validité (mois)")
        .Flag(nameof(Products.Product.IsArchived), "Archivé")
        .Number(nameof(Products.Product.SortOrder), "Ordre d'affichage");

    public static AuditFields<MemberCategoryGrant> MemberCategoryGrant => new AuditFields<MemberCategoryGrant>("Tarif réduit", "Tarifs réduits", feminine: false)
        .Reference(nameof(Products.MemberCategoryGrant.NetworkId), "Réseau")
        .Person(nameof(Products.MemberCategoryGrant.UserId), "Membre")
        .Choice<MemberCategory>(nameof(Products.MemberCategoryGrant.Category), "Catégorie", c => c.French())
        .Person(nameof(Products.MemberCategoryGrant.ValidatedByUserId), "Validé par")
        .Instant(nameof(Products.MemberCategoryGrant.ValidatedAtUtc), "Validé le");
}
