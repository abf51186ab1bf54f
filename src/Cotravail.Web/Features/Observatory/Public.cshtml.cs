using Cotravail.Web.Common;
using Cotravail.Web.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Web.Features.Observatory;

/// <summary>A network as the public page offers it: « Réseau » chooses it by its slug.</summary>
public sealed record NetworkChoice(int Id, string Name, string Slug);

/// <summary>
/// The public observatory: one network at a time (« Réseau », its slug; the first by name by default), its aggregates
/// only, small counts suppressed, and the open data links.
/// </summary>
public sealed class PublicModel(AppDbContext db, YearOnYear yearOnYear, TimeProvider clock) : ObservatoryPage(clock)
{
    public const string UnknownNetwork = "Choisissez un réseau de la liste.";

    [BindProperty(SupportsGet = true, Name = NetworkField)]
    public string? Network { get; set; }

    /// <summary>Every network, by name: the « Réseau » list, shown when there are several.</summary>
    public IReadOnlyList<NetworkChoice> Networks { get; private set; } = [];

    /// <summary>The network shown (the first by name when the one asked for is unknown).</summary>
    public NetworkChoice? Shown { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Networks = await db.Networks.AsNoTracking().OrderBy(n => n.Name).Select(n => new NetworkChoice(n.Id, n.Name, n.Slug)).ToListAsync(ct);
        var asked = Network?.Trim() ?? "";
        var chosen = asked.Length == 0 ? Networks.FirstOrDefault() : Networks.FirstOrDefault(n => n.Slug == asked);
        if (chosen is null && asked.Length > 0)
        {
            ModelState.AddModelError(NetworkField, T[UnknownNetwork]);
        }
        Shown = chosen ?? Networks.FirstOrDefault();
        ViewData[NetworkChoicesKey] = Networks;
        int[] networks = Shown is null ? [] : [Shown.Id];
        var sites = await SiteChoice.ListAsync(db, networks, ct);
        if (ReadFilter(sites, otherErrors: chosen is null && asked.Length > 0) is not { } filter || Shown is null)
        {
            return Page();
        }
        Network = Shown.Slug;
        await ComputeAsync(db, yearOnYear, networks, sites, filter, isPublic: true, ct);
        return Page();
    }

    /// <summary>The key under which the page hands the networks to the period form.</summary>
    public const string NetworkChoicesKey = "ObservatoryNetworks";
}
