namespace Cotravail.Web.Features.Observatory.Report;

/// <summary>What the report pages' choices show: the networks and the one chosen, the period, the sites (null: no site choice).</summary>
public sealed record ReportFilterView(
    IReadOnlyList<ReportNetwork> Networks, string? Network, string? From, string? To, IReadOnlyList<SiteChoice>? Sites = null, string? Site = null);
