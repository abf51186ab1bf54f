using System.Net;
using System.Text.RegularExpressions;
using AngleSharp.Html.Parser;
using Cotravail.Tests.Infrastructure;

namespace Cotravail.Tests.Common;

/// <summary>
/// Every internal link of every page a person can reach leads somewhere that works: starting from the home page and
/// their own pages, each role follows the links it is shown (a few per kind of address, numbers aside) and none
/// answers 404, 403 or 500.
/// </summary>
public sealed partial class LinkCrawlTests(SharedApps apps) : IClassFixture<SharedApps>
{
    private const int PerRoute = 2;
    private const int MaxPages = 400;

    public static TheoryData<string> Roles => ["public", TestApp.MemberEmail, TestApp.HostEmail, TestApp.ManagerEmail];

    [Theory]
    [MemberData(nameof(Roles))]
    public async Task Every_link_a_person_is_shown_leads_somewhere_that_works(string role)
    {
        var app = await apps.GetAsync();
        var client = app.Browser();
        if (role != "public")
        {
            await client.SignInAsync(role);
        }
        var broken = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var perRoute = new Dictionary<string, int>(StringComparer.Ordinal);
        var queue = new Queue<(string Url, string From)>();
        string[] starts = role switch
        {
            "public" => ["/"],
            TestApp.MemberEmail => ["/", "/mes-reservations", "/mes-factures"],
            TestApp.HostEmail => ["/", "/accueil/luzech"],
            _ => ["/", "/gestion/espaces", "/gestion/factures"],
        };
        foreach (var start in starts)
        {
            queue.Enqueue((start, "(start)"));
        }
        var parser = new HtmlParser();
        var pages = 0;
        while (queue.Count > 0 && pages < MaxPages)
        {
            var (url, from) = queue.Dequeue();
            if (!seen.Add(url))
            {
                continue;
            }
            var route = Route(url);
            perRoute[route] = perRoute.GetValueOrDefault(route) + 1;
            if (perRoute[route] > PerRoute)
            {
                continue;
            }
            pages++;
            using var response = await client.GetAsync(new Uri(url, UriKind.Relative));
            var status = (int)response.StatusCode;
            if (status is 404 or >= 500 || (status == 302 && response.Headers.Location?.OriginalString.Contains("/compte/acces-refuse", StringComparison.Ordinal) == true))
            {
                broken.Add($"{url} ({status}{(status == 302 ? " → accès refusé" : "")}), linked from {from}");
                continue;
            }
            if (response.StatusCode != HttpStatusCode.OK || response.Content.Headers.ContentType?.MediaType != "text/html")
            {
                continue;
            }
            var document = await parser.ParseDocumentAsync(await response.Content.ReadAsStringAsync());
            foreach (var href in document.QuerySelectorAll("a[href]").Select(a => a.GetAttribute("href")!))
            {
                if (Internal(href) is { } next && !seen.Contains(next))
                {
                    queue.Enqueue((next, url));
                }
            }
        }
        Assert.True(pages > 10, $"only {pages} pages reached");
        Assert.True(broken.Count == 0, $"{role}: {broken.Count} broken links:\n" + string.Join("\n", broken));
    }

    /// <summary>A link to follow: internal, not one that signs out or changes the language, without its fragment.</summary>
    private static string? Internal(string href)
    {
        if (!href.StartsWith('/') || href.StartsWith("//", StringComparison.Ordinal))
        {
            return null;
        }
        var url = href.Split('#')[0];
        return url.Length == 0 || url.StartsWith("/compte/deconnexion", StringComparison.Ordinal) || url.StartsWith("/langue", StringComparison.Ordinal)
            ? null : url;
    }

    /// <summary>The kind of address: numbers and query values left out, so that a list of 200 invoices is a few visits.</summary>
    private static string Route(string url) => Numbers().Replace(url.Split('?')[0], "{n}") + (url.Contains('?', StringComparison.Ordinal) ? "?" + string.Join("&", url.Split('?')[1].Split('&').Select(p => p.Split('=')[0])) : "");

    [GeneratedRegex(@"\d+")]
    private static partial Regex Numbers();
}
