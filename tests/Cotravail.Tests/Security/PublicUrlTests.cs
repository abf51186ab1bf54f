using System.Net;
using Cotravail.Tests.Accounts;
using Cotravail.Tests.Infrastructure;
using Cotravail.Web.Common;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;

namespace Cotravail.Tests.Security;

/// <summary>Links in e-mails start with PublicUrl, which Production requires: a forged Host header leads no link elsewhere.</summary>
public sealed class PublicUrlTests
{
    [Fact]
    public async Task In_production_the_app_refuses_to_start_without_a_public_address_and_says_why_in_french_and_english()
    {
        var failure = await ProductionHost.StartFailureAsync(new Dictionary<string, string?> { ["PublicUrl"] = "" });

        var error = Assert.IsType<InvalidOperationException>(failure);
        Assert.Contains("PublicUrl est obligatoire en production", error.Message, StringComparison.Ordinal);
        Assert.Contains("PublicUrl is required in Production", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("javascript:alert(1)")]
    [InlineData("cotravail.example.fr")]
    [InlineData("ftp://cotravail.example.fr")]
    [InlineData("https://cotravail.example.fr/?retour=ailleurs")]
    public async Task A_public_address_that_is_not_an_absolute_http_address_stops_the_start(string publicUrl)
    {
        var failure = await ProductionHost.StartFailureAsync(new Dictionary<string, string?> { ["PublicUrl"] = publicUrl }, environment: "Testing");

        var error = Assert.IsType<InvalidOperationException>(failure);
        Assert.Contains("n'est pas une adresse http ou https complète", error.Message, StringComparison.Ordinal);
        Assert.Contains("is not an absolute http or https address", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task In_production_a_forged_host_header_leads_the_reset_link_nowhere_but_the_public_address()
    {
        await using var host = await ProductionHost.CreateAsync(new Dictionary<string, string?> { ["PublicUrl"] = "https://cotravail.exemple.fr/" });
        var client = host.CreateClient();
        client.DefaultRequestHeaders.Host = "evil.example";

        var asked = await client.PostJsonAsync("/api/v1/auth/forgotPassword", new { email = TestApp.MemberEmail });

        Assert.Equal(HttpStatusCode.OK, asked.StatusCode);
        var mail = Assert.Single(host.Mails(), m => m.Subject == Cotravail.Web.Features.Accounts.IdentityMailer.ResetSubject);
        Assert.DoesNotContain("evil.example", mail.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("evil.example", mail.HtmlBody, StringComparison.Ordinal);
        Assert.StartsWith("/compte/reinitialiser?", AccountSteps.LinkIn(mail, "/compte/reinitialiser"), StringComparison.Ordinal);
        Assert.Contains("\nhttps://cotravail.exemple.fr/compte/reinitialiser?email=", mail.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Outside_production_without_a_public_address_links_follow_the_request_and_background_mail_uses_localhost()
    {
        await using var app = await TestApp.StartAsync();
        var client = app.Browser();
        client.DefaultRequestHeaders.Host = "demo.local:5080";

        await client.SubmitFormAsync("/compte/mot-de-passe-oublie", new Dictionary<string, string> { ["Input.Email"] = TestApp.MemberEmail });

        Assert.Contains("\nhttp://demo.local:5080/compte/reinitialiser?email=", app.LastMailTo(TestApp.MemberEmail).TextBody, StringComparison.Ordinal);
        var address = new PublicAddress(null, new Microsoft.AspNetCore.Http.HttpContextAccessor());
        Assert.Equal("http://localhost/venir", address.Absolute("/venir"));
    }

    [Theory]
    [InlineData("https://cotravail.example.fr", "https://cotravail.example.fr/venir")]
    [InlineData("https://cotravail.example.fr/", "https://cotravail.example.fr/venir")]
    [InlineData("https://example.fr/cotravail/", "https://example.fr/cotravail/venir")]
    [InlineData("http://localhost:5080", "http://localhost:5080/venir")]
    public void A_public_address_is_read_once_and_every_link_starts_with_it(string publicUrl, string link)
    {
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["PublicUrl"] = publicUrl }).Build();
        var address = new PublicAddress(PublicAddress.Read(config, new Environment("Production")), new Microsoft.AspNetCore.Http.HttpContextAccessor());
        Assert.Equal(link, address.Absolute("/venir"));
    }

    private sealed class Environment(string name) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = name;
        public string ApplicationName { get; set; } = "Cotravail.Web";
        public string ContentRootPath { get; set; } = "";
        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }
}
