using Cotravail.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Web.Features.Entrepreneurs;

public sealed record DirectoryFilter(string? Q, string? Sector, string? Skill, string? Commune, int Page = 1);

public sealed record DirectoryPage(IReadOnlyList<Profile> Profiles, int Total, int Page, int PageCount);

/// <summary>The directory: visible profiles, searched without accents or case, filtered and paged.</summary>
public sealed class DirectoryQuery(AppDbContext db, Audiences audiences)
{
    public const int PageSize = 20;

    /// <summary>The profiles <paramref name="viewer"/> (null: signed out) may see that match <paramref name="filter"/>.</summary>
    public async Task<DirectoryPage> SearchAsync(DirectoryFilter filter, string? viewer, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var audience = await audiences.ForAsync(viewer, ct);
        var query = db.Profiles().AsNoTracking().VisibleTo(audience);
        foreach (var word in SearchText.Normalise(filter.Q).Split(' ', StringSplitOptions.RemoveEmptyEntries).Take(6))
        {
            var pattern = SearchText.LikePattern(word);
            query = query.Where(p => EF.Functions.Like(p.SearchText, pattern, "\\"));
        }
        if (NafSections.IsCode(filter.Sector))
        {
            query = query.Where(p => p.Sector == filter.Sector);
        }
        var skill = SearchText.Normalise(filter.Skill);
        if (skill.Length > 0)
        {
            var pattern = "%|" + SearchText.Escape(skill) + "|%";
            query = query.Where(p => EF.Functions.Like(p.SkillsKey, pattern, "\\"));
        }
        var commune = SearchText.Normalise(filter.Commune);
        if (commune.Length > 0)
        {
            var communes = await db.Profiles().AsNoTracking().VisibleTo(audience).Select(p => p.Commune).Distinct().ToListAsync(ct);
            var names = communes.Where(c => SearchText.Normalise(c) == commune).ToList();
            query = query.Where(p => names.Contains(p.Commune));
        }
        var total = await query.CountAsync(ct);
        var pages = Math.Max(1, (total + PageSize - 1) / PageSize);
        var page = Math.Clamp(filter.Page, 1, pages);
        var list = await query.OrderBy(p => p.Name).ThenBy(p => p.Id).Skip((page - 1) * PageSize).Take(PageSize).ToListAsync(ct);
        return new DirectoryPage(list, total, page, pages);
    }

    /// <summary>Skills already used by visible profiles, most common first (suggestions for the skills field).</summary>
    public async Task<IReadOnlyList<string>> PopularSkillsAsync(string? viewer, int count, CancellationToken ct)
    {
        var audience = await audiences.ForAsync(viewer, ct);
        var all = await db.Profiles().AsNoTracking().VisibleTo(audience).Select(p => p.Skills).ToListAsync(ct);
        return [.. all.SelectMany(SearchText.Tags).GroupBy(SearchText.Normalise)
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).Take(count).Select(g => g.First())];
    }

    /// <summary>Communes of visible profiles (the commune filter).</summary>
    public async Task<IReadOnlyList<string>> CommunesAsync(string? viewer, CancellationToken ct) =>
        (await db.Profiles().AsNoTracking().VisibleTo(await audiences.ForAsync(viewer, ct)).Select(p => p.Commune).Distinct().ToListAsync(ct))
            .Order(StringComparer.Create(System.Globalization.CultureInfo.GetCultureInfo("fr-FR"), true)).ToList();
}
