using Cotravail.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Web.Features.Entrepreneurs;

/// <summary>What a need asks for, and what a candidate profile has, for <see cref="Matching.Score"/>.</summary>
public sealed record NeedTerms(IReadOnlyCollection<string> Skills, string Words, string? Sector, string Commune, string Postcode);

public sealed record CandidateTerms(IReadOnlyCollection<string> Skills, string? Sector, string Commune, string Postcode);

/// <summary>
/// Suggestions for a need: each skill of the candidate the need names (as a tag, or as words of its text) is worth 3,
/// the same activity sector 2, the same commune 2, else the same postcode 1. No skill and no sector in common: no match.
/// </summary>
public static class Matching
{
    public static int Score(NeedTerms need, CandidateTerms candidate)
    {
        ArgumentNullException.ThrowIfNull(need);
        ArgumentNullException.ThrowIfNull(candidate);
        var wanted = need.Skills.Select(SearchText.Normalise).Where(s => s.Length > 0).ToHashSet(StringComparer.Ordinal);
        var words = " " + SearchText.Normalise(need.Words) + " ";
        var skills = candidate.Skills.Select(SearchText.Normalise).Where(s => s.Length > 0).Distinct(StringComparer.Ordinal)
            .Count(s => wanted.Contains(s) || words.Contains(" " + s + " ", StringComparison.Ordinal));
        var sector = need.Sector is { Length: > 0 } && need.Sector == candidate.Sector;
        if (skills == 0 && !sector)
        {
            return 0;
        }
        var place = SearchText.Normalise(need.Commune) is { Length: > 0 } c && c == SearchText.Normalise(candidate.Commune) ? 2
            : need.Postcode.Length > 0 && need.Postcode == candidate.Postcode ? 1 : 0;
        return (3 * skills) + (sector ? 2 : 0) + place;
    }
}

/// <summary>The members best matching a need, among profiles visible to members (never hidden ones, never the author).</summary>
public sealed class Suggestions(AppDbContext db, Audiences audiences)
{
    public async Task<IReadOnlyList<Profile>> ForNeedAsync(Listing need, int count, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(need);
        var author = await db.Profiles().AsNoTracking().FirstAsync(p => p.Id == need.ProfileId, ct);
        var terms = new NeedTerms(SearchText.FromKey(need.SkillsKey), need.Title + " " + need.Body, need.Sector, author.Commune, author.Postcode);
        // Those the need's author may see: the members of the networks they belong to.
        var candidates = await db.Profiles().AsNoTracking().VisibleTo(await audiences.ForAsync(author.OwnerUserId, ct))
            .Where(p => p.Id != need.ProfileId).ToListAsync(ct);
        return [.. candidates
            .Select(p => (Profile: p, Score: Matching.Score(terms, new CandidateTerms(SearchText.FromKey(p.SkillsKey), p.Sector, p.Commune, p.Postcode))))
            .Where(x => x.Score > 0)
            .OrderByDescending(x => x.Score).ThenBy(x => x.Profile.Name, StringComparer.Ordinal)
            .Take(count).Select(x => x.Profile)];
    }
}
