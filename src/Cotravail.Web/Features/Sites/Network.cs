namespace Cotravail.Web.Features.Sites;

/// <summary>A set of sites run by one body (a community of communes), with its own invoicing identity.</summary>
public sealed class Network
{
    public int Id { get; set; }
    public string Name { get; set; } = "";
    public string Slug { get; set; } = "";

    /// <summary>Legal name printed on invoices (for example « Communauté de communes … »).</summary>
    public string LegalName { get; set; } = "";
    public string LegalAddress { get; set; } = "";
    public string? Siret { get; set; }
    public string? VatNumber { get; set; }
    public string? ContactEmail { get; set; }

    public List<Site> Sites { get; } = [];
}
