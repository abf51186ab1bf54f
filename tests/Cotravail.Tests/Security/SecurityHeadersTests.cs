using System.Net;
using System.Text.RegularExpressions;
using Cotravail.Tests.Accounts;
using Cotravail.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Cotravail.Tests.Security;

public sealed partial class SecurityHeadersTests(SharedApps apps) : IClassFixture<SharedApps>
{
    [Fact]
    public async Task Every_answer_carries_a_content_policy_with_a_fresh_nonce_and_the_other_protective_headers()
    {
        var app = await apps.GetAsync();
        var client = app.Browser();

        var first = await client.GetAsync(new Uri("/", UriKind.Relative));
        var second = await client.GetAsync(new Uri("/", UriKind.Relative));
        var policy = string.Join(";", first.Headers.GetValues("Content-Security-Policy"));
        foreach (var directive in new[] { "object-src 'none'", "base-uri 'none'", "frame-ancestors 'none'", "form-action 'self'", "style-src 'self'", "default-src 'self'" })
        {
            Assert.Contains(directive, policy, StringComparison.Ordinal);
        }
        Assert.DoesNotContain("unsafe-inline", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-eval", policy, StringComparison.Ordinal);
        var nonce = Nonce().Match(policy).Groups[1].Value;
        Assert.True(nonce.Length >= 16, policy);
        Assert.NotEqual(nonce, Nonce().Match(string.Join(";", second.Headers.GetValues("Content-Security-Policy"))).Groups[1].Value);

        Assert.Equal("nosniff", first.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("strict-origin-when-cross-origin", first.Headers.GetValues("Referrer-Policy").Single());
        Assert.Equal("DENY", first.Headers.GetValues("X-Frame-Options").Single());
        // Not in Testing nor Development over http: HSTS is for HTTPS production.
        Assert.False(first.Headers.Contains("Strict-Transport-Security"));

        var api = await app.CreateClient().GetAsync(new Uri("/api/v1/sites", UriKind.Relative));
        Assert.Equal("nosniff", api.Headers.GetValues("X-Content-Type-Options").Single());
        var apiPolicy = string.Join(";", api.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("frame-ancestors 'none'", apiPolicy, StringComparison.Ordinal);
        // JSON runs no script: the same policy, without a nonce.
        Assert.Contains("script-src 'self';", apiPolicy, StringComparison.Ordinal);
        Assert.DoesNotContain("nonce", apiPolicy, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pages_have_no_inline_script_style_or_event_handler_the_policy_would_block_and_scripts_carry_the_nonce()
    {
        var app = await apps.GetAsync();
        var host = app.Browser();
        await host.LogInAsync(TestApp.HostEmail, TestApp.DemoPassword);
        var manager = app.Browser();
        await manager.LogInAsync(TestApp.ManagerEmail, TestApp.DemoPassword);

        foreach (var (client, url) in new[]
        {
            (app.Browser(), "/"), (app.Browser(), "/compte/connexion"), (app.Browser(), "/agenda"), (app.Browser(), "/observatoire"),
            (host, "/accueil/luzech"), (host, "/compte/double-authentification/activer"), (host, "/mes-reservations"),
            (manager, "/gestion/espaces"), (manager, "/gestion/journal"), (manager, "/gestion/observatoire"), (manager, "/gestion/factures"),
        })
        {
            var response = await client.GetAsync(new Uri(url, UriKind.Relative));
            if (response.StatusCode == HttpStatusCode.Redirect)
            {
                response = await client.GetAsync(response.Headers.Location);
            }
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var nonce = Nonce().Match(string.Join(";", response.Headers.GetValues("Content-Security-Policy"))).Groups[1].Value;
            var page = await response.ParseAsync();
            Assert.Empty(page.QuerySelectorAll("[style]"));
            Assert.Empty(page.QuerySelectorAll("style"));
            Assert.DoesNotContain(page.All.SelectMany(e => e.Attributes), a => a.Name.StartsWith("on", StringComparison.Ordinal));
            Assert.Empty(page.QuerySelectorAll("a[href^='javascript:']"));
            Assert.All(page.QuerySelectorAll("script"), s => Assert.True(
                s.GetAttribute("src") is { } src ? src.StartsWith('/') : s.GetAttribute("nonce") == nonce, $"{url}: {s.OuterHtml}"));
            Assert.All(page.QuerySelectorAll("script"), s => Assert.Equal(nonce, s.GetAttribute("nonce")));
        }
    }

    [Fact]
    public async Task Over_https_cookies_are_secure_http_only_same_site_and_host_prefixed_and_HSTS_lasts_a_year()
    {
        await using var app = await TestApp.StartAsync(settings: new Dictionary<string, string?>
        {
            ["Security:Https"] = "true",
            ["https_port"] = "443",
        });
        var client = app.CreateClient(new WebApplicationFactoryClientOptions
        {
            BaseAddress = new Uri("https://cotravail.example"), AllowAutoRedirect = false, HandleCookies = true,
        });

        var login = await client.GetAsync(new Uri("/compte/connexion", UriKind.Relative));
        Assert.Equal("max-age=31536000; includeSubDomains", login.Headers.GetValues("Strict-Transport-Security").Single());
        var antiforgery = Cookie(login, "__Host-cotravail.af");
        Assert.Contains("secure", antiforgery, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("httponly", antiforgery, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", antiforgery, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("path=/", antiforgery, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("domain=", antiforgery, StringComparison.OrdinalIgnoreCase);

        var signedIn = await client.LogInAsync(TestApp.MemberEmail, TestApp.DemoPassword);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        var auth = Cookie(signedIn, "__Host-cotravail.auth");
        Assert.Contains("secure", auth, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("httponly", auth, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", auth, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("path=/", auth, StringComparison.OrdinalIgnoreCase);
        await client.GetDocumentAsync("/compte/mot-de-passe");

        var language = await client.SubmitFormAsync("/", new Dictionary<string, string> { ["culture"] = "en" }, "form.lang-switch");
        var lang = Cookie(language, "__Host-cotravail.lang");
        Assert.Contains("secure", lang, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("httponly", lang, StringComparison.OrdinalIgnoreCase);

        // Plain http is sent to https.
        var plain = await app.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("http://cotravail.example"), AllowAutoRedirect = false })
            .GetAsync(new Uri("/compte/connexion", UriKind.Relative));
        Assert.Equal(HttpStatusCode.TemporaryRedirect, plain.StatusCode);
        Assert.Equal("https://cotravail.example/compte/connexion", plain.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Over_plain_http_in_development_and_tests_the_cookies_keep_their_plain_names()
    {
        var app = await apps.GetAsync();
        var client = app.Browser();
        var signedIn = await client.LogInAsync(TestApp.MemberEmail, TestApp.DemoPassword);
        var auth = Cookie(signedIn, "cotravail.auth");
        Assert.Contains("httponly", auth, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", auth, StringComparison.OrdinalIgnoreCase);
    }

    private static string Cookie(HttpResponseMessage response, string name) =>
        (response.Headers.TryGetValues("Set-Cookie", out var cookies) ? cookies : [])
            .FirstOrDefault(c => c.StartsWith(name + "=", StringComparison.Ordinal))
        ?? throw new Xunit.Sdk.XunitException($"No cookie {name} in: {string.Join(" | ", response.Headers.TryGetValues("Set-Cookie", out var all) ? all : [])}");

    [GeneratedRegex("script-src 'nonce-([^']+)'")]
    private static partial Regex Nonce();
}
