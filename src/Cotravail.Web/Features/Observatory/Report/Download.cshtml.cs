using Cotravail.Web.Data;
using Cotravail.Web.Features.Sites;
using Microsoft.AspNetCore.Mvc;

namespace Cotravail.Web.Features.Observatory.Report;

/// <summary>
/// <c>GET /gestion/observatoire/rapport?Du=&amp;Au=&amp;Espace=&amp;Reseau=&amp;Version=</c>: the managers' « rapport
/// d'activité » of one of their networks (the first by name unless <c>Reseau</c> names another) as a PDF, revenue
/// included; <c>Version=publique</c> gives the version the public would read. A bad period, site or network answers this
/// page with the message, 400.
/// </summary>
public sealed class DownloadModel(AppDbContext db, StaffAccess staff, ActivityReports reports, TimeProvider clock) : ObservatoryPage(clock)
{
    public const string VersionField = "Version", PublicVersion = "publique";

    [BindProperty(SupportsGet = true, Name = NetworkField)]
    public string? Network { get; set; }

    [BindProperty(SupportsGet = true, Name = VersionField)]
    public string? Version { get; set; }

    public IReadOnlyList<ReportNetwork> Networks { get; private set; } = [];

    public ReportNetwork? Chosen { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Networks = await reports.NetworksAsync(await staff.ManagedNetworkIdsAsync(ct), ct);
        Chosen = ReportNetworkChoice.Read(Network, Networks, out var networkError);
        var sites = Chosen is null ? [] : await SiteChoice.ListAsync(db, [Chosen.Id], ct);
        var filter = ReadFilter(sites);
        if (networkError is not null)
        {
            ModelState.AddModelError(NetworkField, T[networkError]);
        }
        var isPublic = Version?.Trim() == PublicVersion;
        if (!string.IsNullOrWhiteSpace(Version) && !isPublic)
        {
            ModelState.AddModelError(VersionField, T["La version est « publique » ou, laissée vide, celle des gestionnaires."]);
        }
        if (filter is not { } f || Chosen is null || !ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        var site = f.SiteId is { } id ? sites.First(s => s.Id == id) : null;
        var pdf = await reports.RenderAsync(Chosen, site, f.From, f.To, isPublic, ct);
        return File(pdf, "application/pdf", ActivityReport.FileName(Chosen.Slug, f.From, f.To));
    }
}

/// <summary>The « Réseau » choice of the report pages: a network's slug among those the manager manages; empty, the first.</summary>
public static class ReportNetworkChoice
{
    public const string NotManaged = "Choisissez un réseau de la liste.";
    public const string NoNetwork = "Vous ne gérez aucun réseau.";

    public static ReportNetwork? Read(string? slug, IReadOnlyList<ReportNetwork> networks, out string? error)
    {
        ArgumentNullException.ThrowIfNull(networks);
        error = null;
        if (networks.Count == 0)
        {
            error = NoNetwork;
            return null;
        }
        var asked = slug?.Trim() ?? "";
        if (asked.Length == 0)
        {
            return networks[0];
        }
        var found = networks.FirstOrDefault(n => string.Equals(n.Slug, asked, StringComparison.OrdinalIgnoreCase));
        if (found is null)
        {
            error = NotManaged;
        }
        return found;
    }
}
