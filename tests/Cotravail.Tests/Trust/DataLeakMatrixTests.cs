using System.Diagnostics;
using System.IO.Compression;
using System.Net.Http.Json;
using System.Reflection;
using System.Text;
using Microsoft.AspNetCore.Mvc.RazorPages;
using UglyToad.PdfPig;
using Xunit.Abstractions;
using Side = Cotravail.Tests.Trust.LeakWorld.Side;

namespace Cotravail.Tests.Trust;

/// <summary>
/// Every page handler and API endpoint of the app (as <see cref="AuthorizationMatrixTests"/> lists them), asked by the
/// manager, a host and a member of network 2, with the ids of network 1's things and with those of network 2's own
/// (so that lists are full), and with the query strings pages and endpoints read filled with network 1's things:
/// no answer, whatever its status, holds a marker of network 1 (<see cref="LeakMarkers"/>). Pages and GETs first; then
/// what changes things, with empty bodies (JSON endpoints also with network 1's ids), on things of their own.
/// </summary>
public sealed class DataLeakMatrixTests(ITestOutputHelper output)
{
    private static readonly Asker[] Askers = [Asker.Member, Asker.Host, Asker.Manager];

    /// <summary>One request to make, as each asker.</summary>
    /// <param name="OfNetworkOne">A reading request about network 1's things, which its own people also make (see <see cref="LeakWorld.Insiders"/>).</param>
    private sealed record Call(string Url, IReadOnlyList<KeyValuePair<string, string>> Body, bool Json, bool OfNetworkOne = false);

    private sealed record Leak(Asker Asker, string Method, string Url, string Key, string Feature, int Status, MarkerSeen Seen)
    {
        public override string ToString() =>
            $"{Asker} {Method} {Url} ({Status}, {Feature}): {Seen.Marker.Text} ({Seen.Marker.What}) {Seen.Snippet}";
    }

    [Fact]
    public async Task No_answer_to_the_people_of_network_2_holds_what_network_1_keeps_to_itself()
    {
        var watch = Stopwatch.StartNew();
        await using var world = await LeakWorld.StartAsync();
        output.WriteLine($"World ready in {watch.Elapsed.TotalSeconds:0} s: {world.Markers.All.Count} markers.");
        var endpoints = (await AppEndpoints.ListAsync(world.App.Services)).ToDictionary(e => e.Key, StringComparer.Ordinal);
        var rules = AuthorizationRules.All.Where(r => endpoints.ContainsKey(r.Key)).OrderBy(r => r.Method == "GET" ? 0 : 1).ToList();
        var leaks = new List<Leak>();
        var foreign = new Dictionary<string, string>();
        var requests = 0;
        // Network 1's own people read the same pages: each marker shows somewhere, so that its absence elsewhere means something.
        var placed = world.Markers.All.ToList();
        var shownToInsiders = new HashSet<Marker>();
        foreach (var rule in rules)
        {
            var endpoint = endpoints[rule.Key];
            foreach (var call in await CallsAsync(world, rule, endpoint, foreign))
            {
                if (call.OfNetworkOne)
                {
                    foreach (var insider in world.Insiders)
                    {
                        using var seenBy = await insider.GetAsync(new Uri(call.Url, UriKind.Relative));
                        requests++;
                        shownToInsiders.UnionWith(world.Markers.FindIn(await ReadAsync(seenBy)).Select(m => m.Marker));
                    }
                }
                foreach (var asker in Askers)
                {
                    using var response = await SendAsync(world, asker, rule, endpoint, call);
                    requests++;
                    var text = await ReadAsync(response);
                    foreach (var seen in world.Markers.FindIn(text))
                    {
                        leaks.Add(new Leak(asker, rule.Method, call.Url, rule.Key, FeatureOf(endpoint), (int)response.StatusCode, seen));
                    }
                    if (response.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.Any(c => c.StartsWith("cotravail.auth=;", StringComparison.Ordinal)))
                    {
                        await world.SignInAsync(asker); // that request signed the asker out
                    }
                }
            }
        }
        output.WriteLine($"{rules.Count} endpoints, {requests} requests, {leaks.Count} leak(s) in {watch.Elapsed.TotalSeconds:0} s.");
        output.WriteLine("Query-string names left empty: " + string.Join(", ", rules.Where(r => r.Method == "GET")
            .SelectMany(r => QueryNames(endpoints[r.Key]).Where(n => n != "ct" && !QueryFixtures.ContainsKey(n)).Select(n => $"{n} ({r.Key})")).Distinct()));

        var known = leaks.Select(l => (Leak: l, Finding: OpenFindings.ForLeak(l.Key, l.Seen.Marker.Group))).Where(x => x.Finding is not null).ToList();
        var fresh = leaks.Where(l => OpenFindings.ForLeak(l.Key, l.Seen.Marker.Group) is null).ToList();
        var problems = fresh.Select(l => l.ToString()).ToList();
        foreach (var unseen in placed.Where(m => !m.ShownNowhere && !shownToInsiders.Contains(m)))
        {
            problems.Add($"Network 1's own people never see {unseen.Text} ({unseen.What}) on the pages tried: the matrix cannot tell whether it leaks");
        }
        foreach (var fixedNow in OpenFindings.Leaks.Where(f => !known.Any(k => k.Finding == f)))
        {
            problems.Add($"Fixed? Nothing leaks through {fixedNow.Key}{(fixedNow.Group is { } g ? $" ({g})" : "")} any more: remove its line from OpenFindings.Leaks");
        }
        var message = new StringBuilder();
        message.AppendLine($"{problems.Count} new leak(s) or problem(s):");
        foreach (var problem in problems)
        {
            message.AppendLine("  " + problem);
        }
        message.AppendLine();
        message.AppendLine($"{known.Count} leak(s) of open findings of issue 20, fixed elsewhere:");
        foreach (var owner in known.GroupBy(k => k.Finding!.Owner))
        {
            message.AppendLine($"• {owner.Key}");
            foreach (var (leak, _) in owner)
            {
                message.AppendLine("    " + leak);
            }
        }
        output.WriteLine(message.ToString());
        Assert.True(problems.Count == 0 && known.Count == 0, message.ToString());
        Assert.True(requests >= 1500, $"Only {requests} requests were made");
    }

    /// <summary>
    /// The requests to make for a rule: a GET with each case of network 1's things and of network 2's, and with the query
    /// string filled with network 1's things; anything else with things of its own of each network, with an empty body
    /// (or the rule's body fixtures), and for a JSON endpoint also with network 1's ids in the body.
    /// </summary>
    private static async Task<IReadOnlyList<Call>> CallsAsync(LeakWorld world, MatrixRule rule, AppEndpoint endpoint, Dictionary<string, string> foreign)
    {
        var calls = new List<Call>();
        if (rule.Method == "GET")
        {
            var firsts = new List<string>();
            foreach (var side in new[] { Side.One, Side.Two })
            {
                var used = new List<string>();
                await rule.UrlAsync(name => { used.Add(name); return Task.FromResult(world.Shared(side, name)[0]); });
                var cases = used.Select(n => world.Shared(side, n).Count).DefaultIfEmpty(1).Max();
                for (var i = 0; i < cases; i++)
                {
                    var url = await rule.UrlAsync(name => Task.FromResult(Pick(world.Shared(side, name), i)));
                    calls.Add(new Call(url, [], false, side == Side.One));
                }
                firsts.Add(calls[^cases].Url);
                if (side == Side.Two && used.Count > 1)
                {
                    // Network 2's own thing with network 1's inside it (/gestion/espaces/{mine}/ressources/{theirs}…)
                    var first = used.First();
                    calls.Add(new Call(await rule.UrlAsync(name => Task.FromResult(world.Shared(name == first ? Side.Two : Side.One, name)[0])), [], false));
                }
            }
            // Network 1's things in the query string, on network 1's page and on network 2's own (a search, a filter…)
            foreach (var (url, index) in firsts.Distinct().Select((u, i) => (u, i)))
            {
                var query = QueryNames(endpoint)
                    .Where(n => QueryFixtures.ContainsKey(n) && !url.Contains("?" + n + "=", StringComparison.OrdinalIgnoreCase) && !url.Contains("&" + n + "=", StringComparison.OrdinalIgnoreCase))
                    .Select(n => Uri.EscapeDataString(n) + "=" + Uri.EscapeDataString(Value(world, QueryFixtures[n]))).ToList();
                if (query.Count > 0)
                {
                    calls.Add(new Call(url + (url.Contains('?', StringComparison.Ordinal) ? "&" : "?") + string.Join("&", query), [], false, index == 0));
                }
            }
            return [.. calls.DistinctBy(c => c.Url)];
        }
        string? ownUrl = null;
        List<KeyValuePair<string, string>> ownBody = [];
        foreach (var side in new[] { Side.One, Side.Two })
        {
            var own = new Dictionary<string, string>();
            var url = await rule.UrlAsync(name => world.ResolveAsync(side, name, own));
            var body = new List<KeyValuePair<string, string>>();
            foreach (var (field, fixture) in rule.BodyFixtures())
            {
                body.Add(new(field, await world.ResolveAsync(side, fixture, own)));
            }
            calls.Add(new Call(url, body, false));
            (ownUrl, ownBody) = (url, body);
        }
        var names = new List<string>();
        await rule.UrlAsync(name => { names.Add(name); return Task.FromResult("0"); });
        if (names.Count > 1)
        {
            var (mine, theirs) = (new Dictionary<string, string>(), new Dictionary<string, string>());
            calls.Add(new Call(await rule.UrlAsync(name => world.ResolveAsync(name == names[0] ? Side.Two : Side.One, name, name == names[0] ? mine : theirs)), [], false));
        }
        // Network 2's own page or endpoint, told about network 1's things (ids in a form or a JSON body): things made
        // once for all these requests, apart from those the reading requests use.
        if (rule.Method != "DELETE")
        {
            var one = foreign;
            var ids = new List<KeyValuePair<string, string>>(ownBody);
            foreach (var (field, fixture) in (endpoint.IsApi ? JsonIds : FormIds).Where(b => !ownBody.Any(f => f.Key == b.Key)))
            {
                ids.Add(new(field, fixture.StartsWith('=') ? fixture[1..] : await world.ResolveAsync(Side.One, fixture, one)));
            }
            calls.Add(new Call(ownUrl!, ids, endpoint.IsApi));
        }
        return calls;
    }

    private static string Value(LeakWorld world, string fixture) => fixture.StartsWith('=') ? fixture[1..] : world.Shared(Side.One, fixture)[0];

    private static string Pick(IReadOnlyList<string> values, int i) => values[Math.Min(i, values.Count - 1)];

    /// <summary>Query-string names and what fills them: a fixture of network 1, or a value after « = ».</summary>
    private static readonly Dictionary<string, string> QueryFixtures = new(StringComparer.OrdinalIgnoreCase)
    {
        ["q"] = "=fuite", ["date"] = "=2026-12-01", ["du"] = "=2026-12-01", ["visiteur"] = "visitor", ["membre"] = "memberId",
        ["fiche"] = "otherProfile", ["annonce"] = "listing", ["ressource"] = "resource", ["passes"] = "=true", ["espace"] = "siteSlug",
        ["siteId"] = "site", ["site"] = "site", ["from"] = "=2026-01-01", ["to"] = "=2026-12-31", ["croiser"] = "question",
    };

    /// <summary>JSON fields that name things, filled with network 1's.</summary>
    private static readonly Dictionary<string, string> JsonIds = new(StringComparer.Ordinal)
    {
        ["userId"] = "memberId", ["bookingId"] = "booking", ["invoiceId"] = "invoice", ["siteId"] = "site", ["resourceId"] = "resource",
        ["eventId"] = "event", ["visitorId"] = "visitor", ["profileId"] = "otherProfile", ["productId"] = "product", ["networkId"] = "network",
        ["companyId"] = "company", ["registrationId"] = "registration",
    };

    /// <summary>Form fields of pages that name things (model binding ignores the others), filled with network 1's.</summary>
    private static readonly Dictionary<string, string> FormIds = new(StringComparer.Ordinal)
    {
        ["Input.VisitorId"] = "visitor", ["Input.UserId"] = "memberId", ["Input.SiteId"] = "site", ["Input.InvoiceId"] = "invoice",
        ["Input.ProductId"] = "product", ["Input.CompanyId"] = "company", ["Input.MemberId"] = "memberId",
        ["invoiceId"] = "invoice", ["bookingId"] = "booking", ["visitId"] = "visit", ["registrationId"] = "registration", ["userId"] = "memberId",
        ["closureId"] = "closure", ["ambassadorId"] = "ambassador", ["taskId"] = "helpTask", ["reportId"] = "report", ["fiche"] = "otherProfile",
        ["annonce"] = "listing", ["membre"] = "memberId", ["visiteur"] = "visitor", ["q"] = "=fuite", ["productId"] = "product",
        ["siteId"] = "site", ["companyId"] = "company", ["networkId"] = "network",
    };

    /// <summary>What a GET reads from the query string: a page's bound names, an endpoint's simple parameters outside its route.</summary>
    private static IReadOnlyList<string> QueryNames(AppEndpoint endpoint)
    {
        if (endpoint.IsPage)
        {
            return endpoint.QueryNames;
        }
        var method = endpoint.Endpoint.Metadata.GetMetadata<MethodInfo>();
        return method is null ? [] :
        [
            .. method.GetParameters()
                .Where(p => p.Name is not null && IsSimple(p.ParameterType) && !endpoint.Route.Contains("{" + p.Name, StringComparison.OrdinalIgnoreCase))
                .Select(p => p.Name!),
        ];
    }

    private static bool IsSimple(Type type)
    {
        var t = Nullable.GetUnderlyingType(type) ?? type;
        return t == typeof(string) || t == typeof(int) || t == typeof(bool) || t == typeof(DateOnly) || t == typeof(Guid);
    }

    /// <summary>The feature folder that answers: a page's, or the namespace of an endpoint's handler.</summary>
    private static string FeatureOf(AppEndpoint endpoint)
    {
        var path = endpoint.Endpoint.Metadata.GetMetadata<PageActionDescriptor>()?.RelativePath;
        if (path is not null)
        {
            var parts = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
            return parts.Length > 2 ? parts[1] : path;
        }
        var ns = endpoint.Endpoint.Metadata.GetMetadata<MethodInfo>()?.DeclaringType?.Namespace ?? "";
        const string Root = "Cotravail.Web.Features.";
        return ns.StartsWith(Root, StringComparison.Ordinal) ? ns[Root.Length..].Split('.')[0].Replace("Entrepreneurs", "Network", StringComparison.Ordinal)
            : endpoint.Route.StartsWith("/api/v1/auth", StringComparison.Ordinal) ? "Accounts" : ns;
    }

    private static Task<HttpResponseMessage> SendAsync(LeakWorld world, Asker asker, MatrixRule rule, AppEndpoint endpoint, Call call)
    {
        var request = new HttpRequestMessage(new HttpMethod(rule.Method), new Uri(call.Url, UriKind.Relative));
        if (rule.Method != "GET" && rule.Method != "DELETE")
        {
            request.Content = endpoint.IsApi || call.Json
                ? JsonContent.Create(call.Body.ToDictionary(f => f.Key, f => int.TryParse(f.Value, out var n) ? (object)n : f.Value))
                : new FormUrlEncodedContent([new("__RequestVerificationToken", world.AntiforgeryToken(asker)), .. call.Body]);
        }
        return world.Client(asker).SendAsync(request);
    }

    /// <summary>What the answer shows: its text (a PDF's words, a zip's files) and where it redirects.</summary>
    private static async Task<string> ReadAsync(HttpResponseMessage response)
    {
        var bytes = await response.Content.ReadAsByteArrayAsync();
        var text = new StringBuilder(response.Headers.Location?.OriginalString ?? "").AppendLine();
        if (bytes.AsSpan().StartsWith("%PDF"u8))
        {
            PdfDocument pdf;
            try
            {
                pdf = PdfDocument.Open(bytes);
            }
            catch (UglyToad.PdfPig.Core.PdfDocumentFormatException e)
            {
                throw new InvalidOperationException($"{response.RequestMessage?.RequestUri} answered a PDF that cannot be read ({bytes.Length} bytes)", e);
            }
            using (pdf)
            {
                foreach (var page in pdf.GetPages())
                {
                    text.AppendLine(page.Text);
                }
            }
        }
        else if (bytes.AsSpan().StartsWith("PK"u8))
        {
            using var zip = new ZipArchive(new MemoryStream(bytes));
            foreach (var entry in zip.Entries)
            {
                using var reader = new StreamReader(entry.Open());
                text.AppendLine(entry.FullName).AppendLine(await reader.ReadToEndAsync());
            }
        }
        else
        {
            text.Append(Encoding.UTF8.GetString(bytes));
        }
        return text.ToString();
    }
}
