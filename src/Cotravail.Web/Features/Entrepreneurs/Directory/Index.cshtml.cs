using System.Security.Claims;
using Cotravail.Web.Common;
using Microsoft.AspNetCore.Mvc;

namespace Cotravail.Web.Features.Entrepreneurs.Profiles;

/// <summary>The directory: search (accents and case ignored), filters by sector, skill and commune, pages.</summary>
public sealed class IndexModel(DirectoryQuery directory) : LocalizedPage
{
    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Sector { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Skill { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Commune { get; set; }

    [BindProperty(SupportsGet = true, Name = "page")]
    public int PageNumber { get; set; } = 1;

    public DirectoryPage Result { get; private set; } = new([], 0, 1, 1);
    public IReadOnlyList<string> Skills { get; private set; } = [];
    public IReadOnlyList<string> Communes { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        ModelState.Clear(); // a bad page number or filter is simply ignored
        var viewer = User.FindFirstValue(ClaimTypes.NameIdentifier);
        Q = Q?.Length > 200 ? Q[..200] : Q;
        Result = await directory.SearchAsync(new DirectoryFilter(Q, Sector, Skill, Commune, Math.Max(1, PageNumber)), viewer, ct);
        Skills = await directory.PopularSkillsAsync(viewer, 50, ct);
        Communes = await directory.CommunesAsync(viewer, ct);
    }

    public string PageLink(int page) =>
        "/annuaire?" + string.Join('&', new[] { ("q", Q), ("sector", Sector), ("skill", Skill), ("commune", Commune), ("page", page.ToString(System.Globalization.CultureInfo.InvariantCulture)) }
            .Where(p => !string.IsNullOrEmpty(p.Item2)).Select(p => $"{p.Item1}={Uri.EscapeDataString(p.Item2!)}"));
}
