using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Cotravail.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;

namespace Cotravail.Tests.Trust;

/// <summary>
/// Every API endpoint (fields from the OpenAPI document) and every form of every page (fields from its inputs)
/// gets malformed JSON, wrong types, a megabyte, overflowing numbers, impossible dates, unknown ids and SQL / HTML /
/// script payloads: never a 500, API errors are ProblemDetails, and no page shows a payload unescaped.
/// Who sends: the first role of <see cref="AuthorizationRules"/> that the endpoint lets past authorization.
/// </summary>
public sealed class BadInputSweepTests(ITestOutputHelper output)
{
    private static readonly HtmlParser Parser = new();
    private static readonly Role[] Senders = [Role.Anonymous, Role.Member, Role.Host, Role.Manager];

    private readonly List<string> _problems = [];
    private readonly Dictionary<string, int> _counts = [];
    private readonly Dictionary<string, TimeSpan> _slowest = [];
    private readonly HashSet<string> _pagesShowingEscapedPayload = [];
    private int _requests;

    [Fact]
    public async Task No_bad_input_gets_a_500_an_error_that_is_not_ProblemDetails_or_an_unescaped_payload()
    {
        // Thousands of refused requests: the log keeps only what goes wrong (a 500 is reported by the test itself).
        await using var world = await MatrixWorld.StartAsync(new Dictionary<string, string?>
        {
            ["Logging:LogLevel:Default"] = "Error",
            ["Logging:LogLevel:Microsoft.EntityFrameworkCore"] = "Critical",
        });
        var rules = AuthorizationRules.All.ToDictionary(r => r.Key, StringComparer.Ordinal);
        var endpoints = await AppEndpoints.ListAsync(world.App.Services);

        var watch = System.Diagnostics.Stopwatch.StartNew();
        await SweepApiAsync(world, rules);
        output.WriteLine($"API swept in {watch.Elapsed}");
        await SweepFormsAsync(world, rules, endpoints);
        output.WriteLine($"forms swept in {watch.Elapsed}");
        await CheckPagesShowNoPayloadAsync(world, rules);
        output.WriteLine($"pages read in {watch.Elapsed}");
        await CheckNothingAbsurdWasStoredAsync(world);
        foreach (var (target, elapsed) in _slowest.OrderByDescending(x => x.Value).Take(5))
        {
            output.WriteLine($"  {elapsed.TotalSeconds:0.0}s {target}");
        }

        output.WriteLine($"{_slowest.Count} forms swept: {string.Join(", ", _slowest.Keys.Select(k => k["form ".Length..]).Order(StringComparer.Ordinal))}");
        foreach (var (area, count) in _counts)
        {
            output.WriteLine($"{area}: {count} requests");
        }
        output.WriteLine($"{_requests} requests in all, {_problems.Count} problem(s).");
        output.WriteLine($"Pages showing a stored <script> payload, escaped: {string.Join(", ", _pagesShowingEscapedPayload)}");
        Assert.True(_problems.Count == 0, $"{_problems.Count} problem(s):\n" + string.Join("\n", _problems.Distinct().Take(200)));
        Assert.True(_requests >= 4000, $"Only {_requests} requests were tried");
        // Payloads were stored and shown: the check for unescaped ones looked at real cases.
        Assert.True(_pagesShowingEscapedPayload.Count >= 3, "Too few pages show a stored payload: " + string.Join(", ", _pagesShowingEscapedPayload));
    }

    private static MatrixRule? RuleFor(Dictionary<string, MatrixRule> rules, string method, string openApiPath)
    {
        static string Normal(string route) => System.Text.RegularExpressions.Regex.Replace(route, @"\{(\w+)(:[^}]*(\}\})?[^}]*)?\??\}", "{$1}").TrimEnd('/');
        var wanted = method + " " + Normal(openApiPath);
        return rules.Values.FirstOrDefault(r => r.Handler is null && r.Method + " " + Normal(r.Route) == wanted);
    }

    private static Role? Sender(MatrixRule rule) => Senders.Cast<Role?>().FirstOrDefault(r => rule.For(r!.Value) == Expect.Ok);

    // ── API ─────────────────────────────────────────────────────────────────────────────────────────────

    private async Task SweepApiAsync(MatrixWorld world, Dictionary<string, MatrixRule> rules)
    {
        var doc = await world.Client(Role.Anonymous).GetFromJsonAsync<JsonElement>("/openapi/v1.json");
        var schemas = doc.GetProperty("components").TryGetProperty("schemas", out var s) ? s : default;
        foreach (var path in doc.GetProperty("paths").EnumerateObject())
        {
            foreach (var operation in path.Value.EnumerateObject())
            {
                var method = operation.Name.ToUpperInvariant();
                if (method is "PARAMETERS" or "SUMMARY" or "DESCRIPTION")
                {
                    continue;
                }
                var rule = RuleFor(rules, method, path.Name);
                if (rule is null)
                {
                    _problems.Add($"{method} {path.Name}: in the OpenAPI document but without a rule in AuthorizationRules");
                    continue;
                }
                // Two-factor settings are left alone: the sweep must not change how its own accounts sign in.
                if (Sender(rule) is not { } role || path.Name.EndsWith("/manage/2fa", StringComparison.Ordinal))
                {
                    continue;
                }
                await SweepOperationAsync(world, role, rule, method, path.Name, operation.Value, schemas);
            }
        }
    }

    private async Task SweepOperationAsync(MatrixWorld world, Role role, MatrixRule rule, string method, string path, JsonElement operation, JsonElement schemas)
    {
        var own = method == "GET" ? null : new Dictionary<string, string>();
        var url = await rule.UrlAsync(name => world.ResolveAsync(name, own));
        var area = "API " + method + " " + path;
        var query = operation.TryGetProperty("parameters", out var ps)
            ? ps.EnumerateArray().Where(p => p.GetProperty("in").GetString() == "query").Select(p => p.GetProperty("name").GetString()!).ToList()
            : [];
        var pathParams = operation.TryGetProperty("parameters", out ps)
            ? ps.EnumerateArray().Where(p => p.GetProperty("in").GetString() == "path" && p.GetProperty("name").GetString() is "id").Select(p => p.GetProperty("name").GetString()!).ToList()
            : [];
        var body = BodyFields(operation, schemas);

        async Task SendAsync(string target, string? json, string what)
        {
            using var request = new HttpRequestMessage(new HttpMethod(method), new Uri(target, UriKind.Relative));
            if (json is not null)
            {
                request.Content = new StringContent(json, Encoding.UTF8, "application/json");
            }
            using var response = await world.Client(role).SendAsync(request);
            await CheckAsync(area, $"{method} {Short(target)} {Short(json ?? "")} ({what}, as {role})", response, api: true);
        }

        var baseline = body is null ? null : "{" + string.Join(",", body.Select(f => $"\"{f.Name}\":{f.Baseline}")) + "}";
        // Query strings: each parameter alone with each bad value.
        foreach (var name in query)
        {
            foreach (var value in BadInputs.UrlValues)
            {
                await SendAsync(url + (url.Contains('?', StringComparison.Ordinal) ? "&" : "?") + name + "=" + Uri.EscapeDataString(value), baseline, "query " + name);
            }
        }
        // Unknown ids in the route.
        if (pathParams.Count > 0 && url.Split('/') is var segments)
        {
            foreach (var id in new[] { "0", "2147483647", "999999999" })
            {
                var replaced = string.Join("/", segments.Select(seg => int.TryParse(seg, out _) ? id : seg));
                await SendAsync(replaced, baseline, "unknown id");
            }
        }
        if (body is null)
        {
            if (query.Count == 0 && pathParams.Count == 0)
            {
                await SendAsync(url, null, "as is");
            }
            return;
        }
        foreach (var malformed in BadInputs.MalformedBodies)
        {
            await SendAsync(url, malformed, "malformed body");
        }
        foreach (var field in body)
        {
            foreach (var token in BadInputs.JsonTokens())
            {
                var json = "{" + string.Join(",", body.Select(f => $"\"{f.Name}\":{(f.Name == field.Name ? token : f.Baseline)}")) + "}";
                await SendAsync(url, json, "field " + field.Name);
            }
        }
    }

    private sealed record BodyField(string Name, string Baseline);

    /// <summary>The JSON body's properties, with a plausible value for each (so that one bad field at a time is tried).</summary>
    private static List<BodyField>? BodyFields(JsonElement operation, JsonElement schemas)
    {
        if (!operation.TryGetProperty("requestBody", out var requestBody)
            || !requestBody.GetProperty("content").TryGetProperty("application/json", out var json))
        {
            return null;
        }
        var schema = Resolve(json.GetProperty("schema"), schemas);
        if (!schema.TryGetProperty("properties", out var properties))
        {
            return [];
        }
        return [.. properties.EnumerateObject().Select(p => new BodyField(p.Name, Baseline(p.Name, Resolve(p.Value, schemas))))];
    }

    private static JsonElement Resolve(JsonElement schema, JsonElement schemas) =>
        schema.TryGetProperty("$ref", out var r) && schemas.ValueKind == JsonValueKind.Object
            ? schemas.GetProperty(r.GetString()!.Split('/')[^1])
            : schema;

    private static string Baseline(string name, JsonElement schema)
    {
        var type = schema.TryGetProperty("type", out var t)
            ? t.ValueKind == JsonValueKind.Array ? t.EnumerateArray().Select(x => x.GetString()).First(x => x != "null") : t.GetString()
            : "string";
        var lower = name.ToLowerInvariant();
        return type switch
        {
            "integer" or "number" => lower.Contains("cents", StringComparison.Ordinal) ? "1500" : lower == "everyweeks" || lower == "count" ? "2" : "1",
            "boolean" => "false",
            "array" => lower == "weekdays" ? "[\"monday\"]" : "[]",
            _ when lower is "date" or "from" => "\"2026-12-15\"",
            _ when lower is "until" => "\"2027-01-15\"",
            _ when lower is "start" => "\"10:00\"",
            _ when lower is "end" => "\"11:00\"",
            _ when lower is "period" => "\"day\"",
            _ when lower is "method" => "\"cash\"",
            _ when lower.Contains("email", StringComparison.Ordinal) => "\"essai@exemple.fr\"",
            _ => "\"Essai\"",
        };
    }

    // ── Forms ───────────────────────────────────────────────────────────────────────────────────────────

    private async Task SweepFormsAsync(MatrixWorld world, Dictionary<string, MatrixRule> rules, IReadOnlyList<AppEndpoint> endpoints)
    {
        // Pages read their query string (filters, links from e-mails): each name alone with each bad value.
        foreach (var page in endpoints.Where(e => e.IsPage && e.Method == "GET" && e.Handler is null && e.QueryNames.Count > 0))
        {
            if (!rules.TryGetValue(page.Key, out var rule) || Sender(rule) is not { } reader)
            {
                continue;
            }
            var url = await rule.UrlAsync(name => world.ResolveAsync(name));
            foreach (var name in page.QueryNames)
            {
                foreach (var value in BadInputs.UrlValues)
                {
                    var target = url + (url.Contains('?', StringComparison.Ordinal) ? "&" : "?") + Uri.EscapeDataString(name) + "=" + Uri.EscapeDataString(value);
                    using var response = await world.Client(reader).GetAsync(new Uri(target, UriKind.Relative));
                    await CheckAsync("query " + page.Route, $"GET {Short(target)} (as {reader})", response, api: false);
                }
            }
        }

        // Pages that have POST handlers, opened with GET by a role allowed to post; each form on them is filled and sent.
        var pages = endpoints.Where(e => e.IsPage && e.Method == "POST").Select(e => e.Route).Distinct().ToList();
        foreach (var route in pages)
        {
            if (!rules.TryGetValue("GET " + route, out var getRule))
            {
                continue;
            }
            var postRule = rules.Values.First(r => r.Method == "POST" && r.Route == route);
            if (Sender(postRule) is not { } role || getRule.For(role) != Expect.Ok)
            {
                continue;
            }
            var own = new Dictionary<string, string>();
            var url = await getRule.UrlAsync(name => world.ResolveAsync(name, own));
            if (route == "/compte/deconnexion")
            {
                continue; // a form with no field
            }
            if (IsTwoFactor(route))
            {
                continue; // two-factor settings are left alone: the sweep must not change how its own accounts sign in
            }
            await SweepPageFormsAsync(world, role, url);
        }
    }

    private async Task SweepPageFormsAsync(MatrixWorld world, Role role, string url)
    {
        var client = world.Client(role);
        var response = await client.GetAsync(new Uri(url, UriKind.Relative));
        if (!response.IsSuccessStatusCode)
        {
            return;
        }
        var page = Parser.ParseDocument(await response.Content.ReadAsStringAsync());
        var targets = new List<(string Action, List<KeyValuePair<string, string>> Fields, List<string> Editable)>();
        foreach (var form in page.QuerySelectorAll("main form[method=post]"))
        {
            var (fields, editable) = Fields(form);
            if (!fields.Any(f => f.Key == "__RequestVerificationToken"))
            {
                continue;
            }
            var action = form.GetAttribute("action") is { Length: > 0 } a ? a : url;
            targets.Add((action, fields, editable));
            foreach (var button in form.QuerySelectorAll("button[formaction], input[formaction]"))
            {
                targets.Add((button.GetAttribute("formaction")!, fields, editable));
            }
        }
        foreach (var (action, fields, editable) in targets.DistinctBy(t => t.Action + string.Join(",", t.Editable)).Take(8))
        {
            var area = "form " + Path(url) + " → " + Path(action);
            var started = System.Diagnostics.Stopwatch.StartNew();
            foreach (var (name, index) in editable.Select((n, i) => (n, i)))
            {
                // Every value in the first fields of a form, a few in the others: long forms (opening hours) stay quick.
                foreach (var value in index < 4 ? BadInputs.Texts : BadInputs.FewTexts)
                {
                    var values = fields.Select(f => f.Key == name ? new KeyValuePair<string, string>(name, value) : f).ToList();
                    using var posted = await client.PostAsync(new Uri(action, UriKind.Relative), new FormUrlEncodedContent(values));
                    await CheckAsync(area, $"POST {Short(action)} {name}={Short(value)} (as {role})", posted, api: false);
                    if (posted.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.Any(c => c.StartsWith("cotravail.auth=;", StringComparison.Ordinal)))
                    {
                        await world.SignInAsync(role);
                        client = world.Client(role);
                    }
                }
            }
            _slowest[area] = _slowest.GetValueOrDefault(area) + started.Elapsed;
        }
    }

    /// <summary>The form's fields as a browser would send them, and the names a person can type into.</summary>
    private static (List<KeyValuePair<string, string>> Fields, List<string> Editable) Fields(IElement form)
    {
        var fields = new List<KeyValuePair<string, string>>();
        var editable = new List<string>();
        foreach (var element in form.QuerySelectorAll("input[name], select[name], textarea[name]"))
        {
            var name = element.GetAttribute("name")!;
            var type = (element.GetAttribute("type") ?? element.LocalName).ToLowerInvariant();
            string value;
            switch (element.LocalName)
            {
                case "select":
                    value = element.QuerySelector("option[selected]")?.GetAttribute("value")
                        ?? element.QuerySelectorAll("option").Select(o => o.GetAttribute("value") ?? o.TextContent).FirstOrDefault(v => v.Length > 0) ?? "";
                    break;
                case "textarea":
                    value = element.TextContent is { Length: > 0 } t ? t : BadInputs.Plausible("text", name);
                    break;
                default:
                    if (type is "checkbox" or "radio")
                    {
                        if (!element.HasAttribute("checked") && fields.Any(f => f.Key == name))
                        {
                            continue;
                        }
                        value = element.GetAttribute("value") ?? "on";
                    }
                    else if (type is "submit" or "button" or "file")
                    {
                        continue;
                    }
                    else
                    {
                        value = element.GetAttribute("value") is { Length: > 0 } v ? v : type == "hidden" ? "" : BadInputs.Plausible(type, name);
                    }
                    break;
            }
            fields.Add(new(name, value));
            if (name != "__RequestVerificationToken" && !editable.Contains(name))
            {
                editable.Add(name);
            }
        }
        return (fields, editable);
    }

    // ── Checks ──────────────────────────────────────────────────────────────────────────────────────────

    private async Task CheckAsync(string area, string what, HttpResponseMessage response, bool api)
    {
        _requests++;
        _counts[area.Split(' ')[0]] = _counts.GetValueOrDefault(area.Split(' ')[0]) + 1;
        var status = (int)response.StatusCode;
        if (status >= 500)
        {
            _problems.Add($"{status} for {what}");
            return;
        }
        var type = response.Content.Headers.ContentType?.MediaType;
        if (api && status >= 400 && type != "application/problem+json")
        {
            _problems.Add($"{status} as {type ?? "no content type"} (not ProblemDetails) for {what}");
        }
        if (type == "text/html")
        {
            var html = await response.Content.ReadAsStringAsync();
            if (html.Contains(BadInputs.Script, StringComparison.Ordinal) || html.Contains(BadInputs.Image, StringComparison.Ordinal))
            {
                _problems.Add($"Payload shown unescaped in the answer to {what}");
            }
        }
    }

    /// <summary>After the sweep, every page a role may read must show what was stored escaped.</summary>
    private async Task CheckPagesShowNoPayloadAsync(MatrixWorld world, Dictionary<string, MatrixRule> rules)
    {
        foreach (var rule in rules.Values.Where(r => r.Method == "GET" && r.Handler is null))
        {
            foreach (var role in Enum.GetValues<Role>().Where(r => rule.For(r) == Expect.Ok).Take(2))
            {
                var url = await rule.UrlAsync(name => world.ResolveAsync(name));
                using var response = await world.Client(role).GetAsync(new Uri(url, UriKind.Relative));
                await CheckAsync("stored " + url, $"GET {url} after the sweep (as {role})", response, api: url.StartsWith("/api/", StringComparison.Ordinal));
                if (response.Content.Headers.ContentType?.MediaType == "text/html"
                    && (await response.Content.ReadAsStringAsync()).Contains("&lt;script&gt;alert(1)&lt;/script&gt;", StringComparison.Ordinal))
                {
                    _pagesShowingEscapedPayload.Add(url);
                }
            }
        }
    }

    /// <summary>
    /// The payloads went through; what was stored must be sensible: no text of tens of thousands of characters, no
    /// date outside the years 2000–2100 (<c>Dates.IsPlausible</c>). Read from the database, every table of the model.
    /// </summary>
    private async Task CheckNothingAbsurdWasStoredAsync(MatrixWorld world)
    {
        var found = await world.App.WithDbAsync(async db =>
        {
            var problems = new List<string>();
            var connection = db.Database.GetDbConnection();
            await connection.OpenAsync();
            foreach (var entity in db.Model.GetEntityTypes().Where(e => e.GetTableName() is { } t && !Skipped.Contains(t)))
            {
                var table = entity.GetTableName()!;
                var store = Microsoft.EntityFrameworkCore.Metadata.StoreObjectIdentifier.Table(table, entity.GetSchema());
                foreach (var property in entity.GetProperties())
                {
                    var type = Nullable.GetUnderlyingType(property.ClrType) ?? property.ClrType;
                    var column = property.GetColumnName(store);
                    var condition = type == typeof(string) ? $"length(\"{column}\") > 20000"
                        : type == typeof(DateOnly) || type == typeof(DateTime) ? $"(\"{column}\" < '2000' OR \"{column}\" >= '2101')"
                        : null;
                    if (condition is null || column is null)
                    {
                        continue;
                    }
                    await using var command = connection.CreateCommand();
                    command.CommandText = $"SELECT \"{column}\" FROM \"{table}\" WHERE {condition} LIMIT 1";
                    if (await command.ExecuteScalarAsync() is { } value and not DBNull)
                    {
                        problems.Add($"Stored in {table}.{column}: {Short(value.ToString() ?? "")}");
                    }
                }
            }
            return problems;
        });
        _problems.AddRange(found);
    }

    private static readonly HashSet<string> Skipped = ["DataProtectionKeys", "IdempotencyRecords"];

    private static bool IsTwoFactor(string route) =>
        route.StartsWith("/compte/double-authentification", StringComparison.Ordinal) || route.StartsWith("/compte/connexion/deux-etapes", StringComparison.Ordinal);

    private static string Path(string url) => url.Split('?')[0];

    private static string Short(string text) => text.Length > 120 ? text[..60] + $"…({text.Length} chars)…" + text[^30..] : text;
}
