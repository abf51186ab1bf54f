using System.Text;

namespace Cotravail.Tests.Trust;

/// <summary>
/// One line of <see cref="AuthorizationRules"/>: an endpoint (<c>METHOD /route</c>, as <see cref="AppEndpoint.Key"/>
/// names it), where its route parameters come from (<c>"id=booking, productId=product"</c>: names of
/// <see cref="MatrixWorld"/> fixtures; <c>body.Input.SiteId=site</c> puts a fixture in the form or JSON body,
/// <c>query.jeton=newcomerToken</c> in the query string),
/// and the answer each role must get.
/// </summary>
public sealed record MatrixRule(
    string Key, string Params, Expect Anonymous, Expect Member, Expect OtherMember, Expect Host, Expect OtherHost, Expect Manager,
    Expect ManagerWithoutTwoFactor, Expect OtherNetworkManager)
{
    public string Method => Key[..Key.IndexOf(' ', StringComparison.Ordinal)];

    public string Route
    {
        get
        {
            var rest = Key[(Key.IndexOf(' ', StringComparison.Ordinal) + 1)..];
            var q = rest.IndexOf("?handler=", StringComparison.Ordinal);
            return q < 0 ? rest : rest[..q];
        }
    }

    public string? Handler
    {
        get
        {
            var q = Key.IndexOf("?handler=", StringComparison.Ordinal);
            return q < 0 ? null : Key[(q + "?handler=".Length)..];
        }
    }

    public Expect For(Role role) => role switch
    {
        Role.Anonymous => Anonymous,
        Role.Member => Member,
        Role.OtherMember => OtherMember,
        Role.Host => Host,
        Role.OtherHost => OtherHost,
        Role.Manager => Manager,
        Role.ManagerWithoutTwoFactor => ManagerWithoutTwoFactor,
        Role.OtherNetworkManager => OtherNetworkManager,
        _ => throw new ArgumentOutOfRangeException(nameof(role)),
    };

    /// <summary>Parameters every rule gets without naming them.</summary>
    private static readonly Dictionary<string, string> Defaults = new()
    {
        ["code"] = "code", ["documentName"] = "documentName", ["journal"] = "journal", ["token"] = "calendarToken",
    };

    private const string BodyPrefix = "body.";
    private const string QueryPrefix = "query.";

    private IEnumerable<(string Name, string Fixture)> Pairs() =>
        Params.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(pair => pair.Split('=', 2, StringSplitOptions.TrimEntries))
            .Select(parts => (parts[0], parts[1]));

    /// <summary>Route parameter name → fixture name.</summary>
    public Dictionary<string, string> Fixtures()
    {
        var map = new Dictionary<string, string>(Defaults);
        foreach (var (name, fixture) in Pairs().Where(p => !p.Name.StartsWith(BodyPrefix, StringComparison.Ordinal) && !p.Name.StartsWith(QueryPrefix, StringComparison.Ordinal)))
        {
            map[name] = fixture;
        }
        return map;
    }

    /// <summary>Body field name → fixture name (<c>body.name=fixture</c>).</summary>
    public IEnumerable<(string Field, string Fixture)> BodyFixtures() =>
        Pairs().Where(p => p.Name.StartsWith(BodyPrefix, StringComparison.Ordinal)).Select(p => (p.Name[BodyPrefix.Length..], p.Fixture));

    /// <summary>The URL to call: each <c>{param}</c> of the route replaced by its fixture's value, the handler added.</summary>
    public async Task<string> UrlAsync(Func<string, Task<string>> fixture)
    {
        var map = Fixtures();
        var route = Route;
        var url = new StringBuilder();
        var handlerInRoute = false;
        for (var i = 0; i < route.Length; i++)
        {
            if (route[i] != '{')
            {
                url.Append(route[i]);
                continue;
            }
            var depth = 0;
            var end = i;
            for (; end < route.Length; end++)
            {
                depth += route[end] == '{' ? 1 : route[end] == '}' ? -1 : 0;
                if (depth == 0)
                {
                    break;
                }
            }
            var inside = route[(i + 1)..end];
            var name = inside.Split(':', '?', '=')[0];
            var optional = inside.EndsWith('?');
            i = end;
            if (name == "handler")
            {
                handlerInRoute = true;
                url.Append(Handler);
                continue;
            }
            if (map.TryGetValue(name, out var fixtureName) && fixtureName != "none")
            {
                url.Append(Uri.EscapeDataString(await fixture(fixtureName)));
            }
            else if (!optional)
            {
                throw new InvalidOperationException($"{Key}: no fixture for the route parameter « {name} » (add \"{name}=…\" to its rule)");
            }
        }
        var path = url.ToString();
        if (path.Length > 1 && path.EndsWith('/') && !route.EndsWith('/'))
        {
            path = path.TrimEnd('/');
        }
        var query = new List<string>();
        if (Handler is not null && !handlerInRoute)
        {
            query.Add("handler=" + Handler);
        }
        foreach (var (name, source) in Pairs().Where(p => p.Name.StartsWith(QueryPrefix, StringComparison.Ordinal)))
        {
            query.Add(Uri.EscapeDataString(name[QueryPrefix.Length..]) + "=" + Uri.EscapeDataString(await fixture(source)));
        }
        return query.Count == 0 ? path : path + "?" + string.Join("&", query);
    }

    /// <summary>How this rule is written in the table, with other answers (to paste when a change is intended).</summary>
    public string AsTableLine(IReadOnlyDictionary<Role, Expect> answers)
    {
        static string E(Expect e) => e.ToString() + ",";
        return $"R({("\"" + Key + "\",").PadRight(72)} {("\"" + Params + "\",").PadRight(32)} " +
            string.Join(" ", Enum.GetValues<Role>().Select(r => E(answers[r]).PadRight(10))).TrimEnd().TrimEnd(',') + "),";
    }
}
