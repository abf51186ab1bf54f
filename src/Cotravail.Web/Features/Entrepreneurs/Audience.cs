using Cotravail.Web.Features.Sites;

namespace Cotravail.Web.Features.Entrepreneurs;

/// <summary>
/// Who looks at the directory and the board: nobody signed in (public profiles only), a person (members' profiles of
/// the people who share a network with them, <see cref="Peers"/>: ADR 0025), or every member (counts, a deployment
/// with a single network).
/// </summary>
public sealed record Audience(bool AnyMember, IQueryable<string>? Peers)
{
    public static readonly Audience Public = new(false, null);

    /// <summary>Every members' profile, whoever owns it.</summary>
    public static readonly Audience AllMembers = new(true, null);
}

/// <summary>Builds the <see cref="Audience"/> of a person from the networks they belong to.</summary>
public sealed class Audiences(NetworkMembership membership)
{
    public async Task<Audience> ForAsync(string? userId, CancellationToken ct)
    {
        if (userId is null)
        {
            return Audience.Public;
        }
        var peers = await membership.PeopleOfAsync(await membership.NetworksOfAsync(userId, ct), ct);
        return peers is null ? Audience.AllMembers : new Audience(false, peers);
    }
}
