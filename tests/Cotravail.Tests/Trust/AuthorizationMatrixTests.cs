using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text;
using Xunit.Abstractions;

namespace Cotravail.Tests.Trust;

/// <summary>
/// Every page handler and API endpoint of the app × anonymous / member / another member / host of this site /
/// host of another site / manager / manager without two-factor authentication / manager of another network → the
/// answer written in <see cref="AuthorizationRules"/>. Managers must use two-factor authentication in this world
/// (<c>Security:RequireTwoFactorForManagers</c>): the demo manager and the other network's manager signed in with it.
/// </summary>
public sealed class AuthorizationMatrixTests(ITestOutputHelper output)
{
    private static readonly Role[] Order =
        // The owner asks last: a request that changes things (cancel, archive…) then changes nothing for the others.
        [Role.Anonymous, Role.OtherMember, Role.OtherHost, Role.OtherNetworkManager, Role.ManagerWithoutTwoFactor, Role.Host, Role.Manager, Role.Member];

    [Fact]
    public async Task Every_endpoint_answers_each_role_as_its_rule_says()
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();
        await using var world = await MatrixWorld.StartAsync();
        var endpoints = await AppEndpoints.ListAsync(world.App.Services);
        var rules = AuthorizationRules.All;
        var problems = new List<string>();
        var known = new List<(OpenFindings.Finding Finding, string Problem)>();
        void Report(string key, Role role, string problem)
        {
            if (OpenFindings.ForAuthorization(key, role) is { } finding)
            {
                known.Add((finding, problem));
            }
            else
            {
                problems.Add(problem);
            }
        }

        var ruleKeys = rules.Select(r => r.Key).ToHashSet(StringComparer.Ordinal);
        var endpointKeys = endpoints.Select(e => e.Key).ToHashSet(StringComparer.Ordinal);
        foreach (var duplicate in rules.GroupBy(r => r.Key).Where(g => g.Count() > 1))
        {
            problems.Add($"Two rules for {duplicate.Key}");
        }
        var missing = endpoints.Where(e => !ruleKeys.Contains(e.Key)).ToList();
        var stale = rules.Where(r => !endpointKeys.Contains(r.Key)).ToList();
        foreach (var rule in stale)
        {
            problems.Add($"A rule names an endpoint the app does not have: {rule.Key}");
        }

        // The endpoints without a rule are still called, so that the message shows what they answer now.
        var toCheck = rules.Where(r => endpointKeys.Contains(r.Key))
            .Concat(missing.Select(e => new MatrixRule(e.Key, "", Expect.Error, Expect.Error, Expect.Error, Expect.Error, Expect.Error, Expect.Error, Expect.Error, Expect.Error)))
            // Reading first, on shared fixtures; then what changes things, each with fixtures of its own.
            .OrderBy(r => r.Method == "GET" ? 0 : 1).ToList();
        var requests = 0;
        var suggestions = new StringBuilder();
        foreach (var rule in toCheck)
        {
            var isNew = missing.Any(e => e.Key == rule.Key);
            var endpoint = endpoints.Single(e => e.Key == rule.Key);
            Dictionary<string, string>? own = rule.Method == "GET" ? null : [];
            string url;
            try
            {
                url = await rule.UrlAsync(name => world.ResolveAsync(name, own));
            }
            catch (InvalidOperationException e) when (isNew)
            {
                problems.Add($"No rule for {endpoint}; it has route parameters: {e.Message}");
                continue;
            }
            var body = new List<KeyValuePair<string, string>>();
            foreach (var (field, fixture) in rule.BodyFixtures())
            {
                body.Add(new(field, await world.ResolveAsync(fixture, own)));
            }
            var answers = new Dictionary<Role, Expect>();
            var seen = new List<string>();
            var bodies = new Dictionary<Role, string>();
            foreach (var role in Order)
            {
                using var response = await SendAsync(world, role, rule, endpoint, url, body);
                requests++;
                answers[role] = await Answers.ClassifyAsync(response);
                if (endpoint.IsApi && rule.Method == "GET" && response.StatusCode == HttpStatusCode.OK && !rule.Route.StartsWith("/api/v1/auth/", StringComparison.Ordinal))
                {
                    bodies[role] = await response.Content.ReadAsStringAsync();
                }
                seen.Add($"{role}: {Answers.Describe(response)}");
                if (!isNew && answers[role] != rule.For(role))
                {
                    Report(rule.Key, role, $"{rule.Key} ({url}) as {role}: expected {rule.For(role)}, got {answers[role]} ({Answers.Describe(response)})");
                }
                if (response.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.Any(c => c.StartsWith("cotravail.auth=;", StringComparison.Ordinal)))
                {
                    await world.SignInAsync(role); // that request signed the role out
                }
            }
            output.WriteLine($"{rule.Key} {url} — {string.Join(", ", seen)}");
            // Past authorization, a manager without two-factor authentication is a member like any other: an API that
            // answers them more than it answers another member gives them manager data.
            if (bodies.TryGetValue(Role.ManagerWithoutTwoFactor, out var unverified) && bodies.TryGetValue(Role.OtherMember, out var member)
                && !SameJson(unverified, member))
            {
                Report(rule.Key, Role.ManagerWithoutTwoFactor, $"{rule.Key} ({url}) as {Role.ManagerWithoutTwoFactor}: answers more than to another member " +
                    $"({unverified.Length} characters against {member.Length}): {Cut(unverified)}");
            }
            if (isNew)
            {
                problems.Add($"No rule for {endpoint}");
                suggestions.AppendLine("    " + rule.AsTableLine(answers));
            }
            else if (Order.Any(r => answers[r] != rule.For(r)))
            {
                suggestions.AppendLine("    " + rule.AsTableLine(answers));
            }
        }
        output.WriteLine($"{endpoints.Count} endpoints, {rules.Count} rules, {requests} requests in {watch.Elapsed.TotalSeconds:0} s.");
        var stillOpen = OpenFindings.Authorization.Where(f => !known.Any(k => k.Finding == f)).ToList();
        foreach (var fixedNow in stillOpen)
        {
            problems.Add($"Fixed? {fixedNow.Key} as {fixedNow.Role} answers as its rule says now: remove its line from OpenFindings.Authorization");
        }
        Assert.True(problems.Count == 0 && known.Count == 0,
            $"{problems.Count} new problem(s):\n{string.Join("\n", problems)}\n\n" +
            $"{known.Count} open finding(s) of issue 20, fixed elsewhere:\n" +
            string.Join("\n", known.GroupBy(k => k.Finding.Owner).Select(g => $"• {g.Key}\n    {string.Join("\n    ", g.Select(k => k.Problem))}")) + "\n\n" +
            $"What they answer today, as table lines (check each answer before pasting it into AuthorizationRules.cs):\n{suggestions}");
        Assert.True(requests >= Order.Length * 150, $"Only {requests} requests were made");
    }

    private static bool SameJson(string a, string b)
    {
        try
        {
            return JsonNode.DeepEquals(JsonNode.Parse(a), JsonNode.Parse(b));
        }
        catch (System.Text.Json.JsonException)
        {
            return a == b;
        }
    }

    private static string Cut(string text) => text.Length <= 300 ? text : text[..300] + "…";

    /// <summary>The request, with a body that is empty but for the rule's <c>body.</c> fixtures (and the antiforgery token of a form).</summary>
    private static Task<HttpResponseMessage> SendAsync(
        MatrixWorld world, Role role, MatrixRule rule, AppEndpoint endpoint, string url, List<KeyValuePair<string, string>> body)
    {
        var request = new HttpRequestMessage(new HttpMethod(rule.Method), new Uri(url, UriKind.Relative));
        if (rule.Method != "GET" && rule.Method != "DELETE")
        {
            request.Content = endpoint.IsApi
                ? JsonContent.Create(body.ToDictionary(f => f.Key, f => int.TryParse(f.Value, out var n) ? (object)n : f.Value))
                : new FormUrlEncodedContent([new("__RequestVerificationToken", world.AntiforgeryToken(role)), .. body]);
        }
        return world.Client(role).SendAsync(request);
    }
}
