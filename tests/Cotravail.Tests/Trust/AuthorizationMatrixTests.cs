using System.Net.Http.Json;
using System.Text;
using Xunit.Abstractions;

namespace Cotravail.Tests.Trust;

/// <summary>
/// Every page handler and API endpoint of the app × anonymous / member / another member / host of this site /
/// host of another site / manager → the answer written in <see cref="AuthorizationRules"/>.
/// </summary>
public sealed class AuthorizationMatrixTests(ITestOutputHelper output)
{
    private static readonly Role[] Order =
        // The owner asks last: a request that changes things (cancel, archive…) then changes nothing for the others.
        [Role.Anonymous, Role.OtherMember, Role.OtherHost, Role.Host, Role.Manager, Role.Member];

    [Fact]
    public async Task Every_endpoint_answers_each_role_as_its_rule_says()
    {
        await using var world = await MatrixWorld.StartAsync();
        var endpoints = await AppEndpoints.ListAsync(world.App.Services);
        var rules = AuthorizationRules.All;
        var problems = new List<string>();

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
            .Concat(missing.Select(e => new MatrixRule(e.Key, "", Expect.Error, Expect.Error, Expect.Error, Expect.Error, Expect.Error, Expect.Error)))
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
            foreach (var role in Order)
            {
                using var response = await SendAsync(world, role, rule, endpoint, url, body);
                requests++;
                answers[role] = Answers.Classify(response);
                seen.Add($"{role}: {Answers.Describe(response)}");
                if (!isNew && answers[role] != rule.For(role))
                {
                    problems.Add($"{rule.Key} ({url}) as {role}: expected {rule.For(role)}, got {answers[role]} ({Answers.Describe(response)})");
                }
                if (response.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.Any(c => c.StartsWith("cotravail.auth=;", StringComparison.Ordinal)))
                {
                    await world.SignInAsync(role); // that request signed the role out
                }
            }
            output.WriteLine($"{rule.Key} {url} — {string.Join(", ", seen)}");
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
        output.WriteLine($"{endpoints.Count} endpoints, {rules.Count} rules, {requests} requests.");
        Assert.True(problems.Count == 0,
            $"{problems.Count} problem(s):\n{string.Join("\n", problems)}\n\n" +
            $"What they answer today, as table lines (check each answer before pasting it into AuthorizationRules.cs):\n{suggestions}");
        Assert.True(requests >= 6 * 150, $"Only {requests} requests were made");
    }

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
