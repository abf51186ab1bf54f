using Cotravail.Web.Data;
using Cotravail.Web.Features.Entrepreneurs;
using Cotravail.Web.Features.Newcomers;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Web.Features.Observatory;

/// <summary>
/// The size of the directory and of the offers board on <see cref="Day"/> (the period's end): profiles shown to
/// everyone or to members only (never a hidden or suspended one), offers and needs open that day.
/// </summary>
public sealed record DirectorySize(DateOnly Day, int PublicProfiles, int MembersOnlyProfiles, int OpenOffers, int OpenNeeds);

/// <summary>Offers and needs open on the last day of a month of the period (<see cref="Month"/>: <c>yyyy-MM</c>).</summary>
public sealed record BoardMonth(string Month, int OpenOffers, int OpenNeeds);

/// <summary>
/// Reads the network's figures that are not per site: the directory and board sizes (<see cref="DirectorySizes"/>, with
/// the directory's visibility rules) and the newcomers' requests (<see cref="NewcomerIndicators"/>).
/// </summary>
internal static class NetworkFigures
{
    /// <summary>
    /// Profiles are counted as they are now (a profile keeps no history of its visibility); listings on each month's
    /// last day of the period, by the rule of <see cref="DirectorySizes.OpenListingsAsync"/>: created by then, not yet
    /// expired, and today neither closed nor hidden, with a visible profile.
    /// </summary>
    public static async Task<(DirectorySize Size, IReadOnlyList<BoardMonth> Board)> DirectoryAsync(
        AppDbContext db, IReadOnlyList<MonthSpan> spans, DateOnly end, CancellationToken ct)
    {
        var sizes = new DirectorySizes(db);
        var visible = await sizes.VisibleProfilesAsync(ct);
        var shownToAll = await db.Profiles().AsNoTracking().VisibleTo(Audience.Public).CountAsync(ct);
        var openAtEnd = await sizes.OpenListingsAsync(end, ct);
        var first = spans.Count == 0 ? end : spans[0].End;
        var listings = await db.Listings().AsNoTracking().OpenTo(Audience.AllMembers, first)
            .Select(l => new { l.Kind, l.CreatedAtUtc, l.ExpiresOn }).ToListAsync(ct);
        int Open(ListingKind kind, DateOnly day)
        {
            var endOfDay = day.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
            return listings.Count(l => l.Kind == kind && l.ExpiresOn >= day && l.CreatedAtUtc < endOfDay);
        }
        var board = spans.Select(s => new BoardMonth($"{s.Month:yyyy-MM}", Open(ListingKind.Offer, s.End), Open(ListingKind.Need, s.End))).ToList();
        var offers = Open(ListingKind.Offer, end);
        return (new DirectorySize(end, shownToAll, visible - shownToAll, offers, openAtEnd - offers), board);
    }

    public static Task<NewcomerFigures> NewcomersAsync(AppDbContext db, IReadOnlyCollection<int> networks, DateOnly from, DateOnly to, CancellationToken ct) =>
        new NewcomerIndicators(db).ComputeAsync(networks, from, to, ct);
}
