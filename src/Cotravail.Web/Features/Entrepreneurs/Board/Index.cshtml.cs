using System.Security.Claims;
using System.Globalization;
using Cotravail.Web.Common;
using Microsoft.AspNetCore.Mvc;

namespace Cotravail.Web.Features.Entrepreneurs.Board;

/// <summary>The board of offers and needs: open listings only (an expired one is gone from here).</summary>
public sealed class IndexModel(BoardQuery board) : LocalizedPage
{
    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Kind { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Category { get; set; }

    [BindProperty(SupportsGet = true, Name = "page")]
    public int PageNumber { get; set; } = 1;

    public BoardPage Result { get; private set; } = new([], 0, 1, 1);

    public async Task OnGetAsync(CancellationToken ct)
    {
        ModelState.Clear();
        Q = Q?.Length > 200 ? Q[..200] : Q;
        Result = await board.SearchAsync(
            new BoardFilter(BoardQuery.ParseKind(Kind), BoardQuery.ParseCategory(Category), Q, Math.Max(1, PageNumber)),
            User.FindFirstValue(ClaimTypes.NameIdentifier), ct);
    }

    public string PageLink(int page) =>
        "/annonces?" + string.Join('&', new[] { ("q", Q), ("kind", Kind), ("category", Category), ("page", page.ToString(CultureInfo.InvariantCulture)) }
            .Where(p => !string.IsNullOrEmpty(p.Item2)).Select(p => $"{p.Item1}={Uri.EscapeDataString(p.Item2!)}"));
}
