using Cotravail.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Web.Features.Entrepreneurs;

public sealed record BoardFilter(ListingKind? Kind, ListingCategory? Category, string? Q, int Page = 1);

public sealed record BoardPage(IReadOnlyList<Listing> Listings, int Total, int Page, int PageCount);

/// <summary>The board of offers and needs: open listings of visible profiles, newest first, searched without accents or case.</summary>
public sealed class BoardQuery(AppDbContext db, Audiences audiences, TimeProvider clock)
{
    public const int PageSize = 20;

    /// <summary>The open listings <paramref name="viewer"/> (null: signed out) may see that match <paramref name="filter"/>.</summary>
    public async Task<BoardPage> SearchAsync(BoardFilter filter, string? viewer, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var audience = await audiences.ForAsync(viewer, ct);
        var query = db.Listings().AsNoTracking().Include(l => l.Profile).OpenTo(audience, DirectoryClock.Today(clock));
        if (filter.Kind is { } kind)
        {
            query = query.Where(l => l.Kind == kind);
        }
        if (filter.Category is { } category)
        {
            query = query.Where(l => l.Category == category);
        }
        foreach (var word in SearchText.Normalise(filter.Q).Split(' ', StringSplitOptions.RemoveEmptyEntries).Take(6))
        {
            var pattern = SearchText.LikePattern(word);
            query = query.Where(l => EF.Functions.Like(l.SearchText, pattern, "\\"));
        }
        var total = await query.CountAsync(ct);
        var pages = Math.Max(1, (total + PageSize - 1) / PageSize);
        var page = Math.Clamp(filter.Page, 1, pages);
        var list = await query.OrderByDescending(l => l.CreatedAtUtc).ThenByDescending(l => l.Id)
            .Skip((page - 1) * PageSize).Take(PageSize).ToListAsync(ct);
        return new BoardPage(list, total, page, pages);
    }

    public static ListingKind? ParseKind(string? text) => text?.Trim().ToLowerInvariant() switch
    {
        "offer" or "offre" or "propose" => ListingKind.Offer,
        "need" or "besoin" or "cherche" => ListingKind.Need,
        _ => null,
    };

    public static ListingCategory? ParseCategory(string? text) =>
        Enum.TryParse<ListingCategory>(text, ignoreCase: true, out var c) && Enum.IsDefined(c) && !int.TryParse(text, out _) ? c : null;
}
