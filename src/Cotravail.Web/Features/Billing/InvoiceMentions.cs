namespace Cotravail.Web.Features.Billing;

/// <summary>The mentions French law asks on every invoice (Code de commerce L441-9, CGI art. 242 nonies A).</summary>
public static class InvoiceMentions
{
    public static string PaymentTerms(int days) => days <= 0
        ? "Paiement à réception. Pas d'escompte pour paiement anticipé."
        : $"Paiement à {Common.Plurals.French(days, "{0} jour", "{0} jours")}. Pas d'escompte pour paiement anticipé.";

    public const string LatePenalty =
        "En cas de retard de paiement, pénalités au taux de trois fois le taux d'intérêt légal.";

    public const string RecoveryIndemnity =
        "Pour les clients professionnels : indemnité forfaitaire pour frais de recouvrement de 40 € (art. D441-5 du Code de commerce).";
}
