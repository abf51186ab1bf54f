using Cotravail.Web.Data;
using Cotravail.Web.Features.Accounts;
using Cotravail.Web.Features.Sites;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Web.Features.Reception;

/// <summary>
/// Whom the reception of a site may find and name: people already welcomed at a site of its network, the network's members
/// (ADR 0025: who booked, bought, registered or came there), and — by their exact e-mail address only — any account (a member of another network who comes for
/// the first time). Another network's visitors and members are neither listed nor named, whatever id is sent.
/// </summary>
public sealed class ReceptionPeople(AppDbContext db, NetworkMembership membership, ILookupNormalizer normalizer)
{
    public const int MaxMatches = 20;

    /// <summary>People whose name contains the text (accents and case ignored), from two letters; at most 20.</summary>
    public async Task<IReadOnlyList<PersonMatch>> SearchAsync(Site site, string? text, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(site);
        var key = NameSearch.Key(text);
        if (key.Length < NameSearch.MinLength)
        {
            return [];
        }
        var visitors = await Visitors(site).AsNoTracking().Where(v => v.SearchKey.Contains(key))
            .OrderBy(v => v.SearchKey).Take(MaxMatches).ToListAsync(ct);
        var found = visitors.Select(v => new PersonMatch(v.Id, v.UserId, v.DisplayName, v.Email, v.Postcode)).ToList();
        var known = visitors.Where(v => v.UserId is not null).Select(v => v.UserId!).ToHashSet(StringComparer.Ordinal);
        // Members of the network never seen at reception, by their normalised name.
        var members = await (await MembersAsync(site, ct)).AsNoTracking()
            .Where(u => u.NameKey.Contains(key) && !known.Contains(u.Id))
            .OrderBy(u => u.NameKey).Take(MaxMatches)
            .Select(u => new { u.Id, u.FirstName, u.LastName, u.Email, u.Postcode }).ToListAsync(ct);
        found.AddRange(members.Select(u => new PersonMatch(null, u.Id, $"{u.FirstName} {u.LastName}".Trim(), u.Email, u.Postcode)));
        if (await ByEmailAsync(text, ct) is { } account && !found.Any(p => p.UserId == account.Id))
        {
            found.Add(new PersonMatch(null, account.Id, account.DisplayName, account.Email, account.Postcode, ByEmail: true));
        }
        return [.. found.OrderBy(p => NameSearch.Key(p.Name), StringComparer.Ordinal).Take(MaxMatches)];
    }

    /// <summary>The visitor, when they were already welcomed at a site of the network.</summary>
    public Task<Visitor?> VisitorAsync(Site site, int visitorId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(site);
        return Visitors(site).AsNoTracking().FirstOrDefaultAsync(v => v.Id == visitorId, ct);
    }

    /// <summary>The account, when it is a member of the network, or when <paramref name="email"/> is its address.</summary>
    public async Task<AppUser?> MemberAsync(Site site, string userId, string? email, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(site);
        var member = await (await MembersAsync(site, ct)).AsNoTracking().FirstOrDefaultAsync(u => u.Id == userId, ct);
        if (member is not null)
        {
            return member;
        }
        return await ByEmailAsync(email, ct) is { } account && account.Id == userId ? account : null;
    }

    /// <summary>True when the account is a member of the site's network (booked at or welcomed at one of its sites).</summary>
    public async Task<bool> IsMemberAsync(Site site, string userId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(site);
        return await (await MembersAsync(site, ct)).AnyAsync(u => u.Id == userId, ct);
    }

    private IQueryable<Visitor> Visitors(Site site) =>
        db.Visitors.Where(v => db.Visits.Any(x => x.VisitorId == v.Id && x.Site!.NetworkId == site.NetworkId));

    private async Task<IQueryable<AppUser>> MembersAsync(Site site, CancellationToken ct) =>
        await membership.PeopleOfAsync([site.NetworkId], ct) is { } people ? db.Users.Where(u => people.Contains(u.Id)) : db.Users;

    private async Task<AppUser?> ByEmailAsync(string? text, CancellationToken ct)
    {
        var email = text?.Trim();
        if (string.IsNullOrEmpty(email) || !email.Contains('@', StringComparison.Ordinal) || email.Length > 256)
        {
            return null;
        }
        var normalized = normalizer.NormalizeEmail(email);
        return await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.NormalizedEmail == normalized, ct);
    }
}
