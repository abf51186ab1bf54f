namespace Cotravail.Web.Features.Billing.Exports;

/// <summary>Accounts of the French chart of accounts used in the journals (settings <c>Billing:Accounts:*</c>).</summary>
public sealed class AccountCodes
{
    public string Clients { get; set; } = "411000";
    public string Sales { get; set; } = "706000";
    public string Vat { get; set; } = "445710";
    public string Cash { get; set; } = "530000";
    public string Bank { get; set; } = "512000";
    public string SalesJournal { get; set; } = "VE";
    public string PaymentsJournal { get; set; } = "BQ";
}
