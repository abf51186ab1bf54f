using System.Net;
using Cotravail.Tests.Infrastructure;
using Cotravail.Web.Features.Newcomers;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Tests.Newcomers;

public sealed class RequestFormTests
{
    internal static Dictionary<string, string> Valid(string name = "Léa Fabre", string? email = "lea.fabre@exemple.fr") => new()
    {
        ["Input.Kind"] = "person", ["Input.Name"] = name, ["Input.Email"] = email ?? "", ["Input.Phone"] = "",
        ["Input.Project"] = "telework", ["Input.OriginPostcode"] = "69003", ["Input.OriginCountry"] = "",
        ["Input.ArrivalMonth"] = "2027-04", ["Input.Message"] = "Je télétravaille pour une agence lyonnaise.",
    };

    private static Task<int> CountAsync(TestApp app, string name) =>
        app.WithDbAsync(db => db.Set<NewcomerRequest>().CountAsync(r => r.Name == name));

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_request_lands_in_the_inbox_with_its_origin_and_the_person_gets_an_acknowledgement_with_a_discovery_day(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var visitor = app.Browser();
        var fields = Valid();
        fields["Input.Needs"] = "schooling";
        var response = await visitor.SubmitFormAsync("/venir/demande", fields);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var thanks = await visitor.GetDocumentAsync(response.Headers.Location!.OriginalString);
        Assert.Contains("accusé de réception", thanks.Body.Text(), StringComparison.Ordinal);

        var stored = await app.WithDbAsync(db => db.Set<NewcomerRequest>().SingleAsync(r => r.Name == "Léa Fabre"));
        Assert.Equal(("69", "Auvergne-Rhône-Alpes", RequestStatus.New), (stored.Department, stored.Region, stored.Status));
        Assert.Equal(new DateOnly(2027, 4, 1), stored.ArrivalMonth);
        Assert.Equal(["schooling"], stored.NeedList);

        var mail = Assert.Single(app.Mails(), m => m.To.ToString().Contains("lea.fabre@exemple.fr", StringComparison.Ordinal));
        Assert.Contains("journée découverte", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("/reserver", mail.TextBody, StringComparison.Ordinal);

        var manager = app.Browser();
        await manager.SignInAsync(TestApp.ManagerEmail);
        var inbox = await manager.GetDocumentAsync("/gestion/nouveaux-arrivants?statut=new");
        Assert.Contains("Léa Fabre", inbox.QuerySelector("table")!.Text(), StringComparison.Ordinal);
        Assert.Contains("Rhône (69)", inbox.QuerySelector("table")!.Text(), StringComparison.Ordinal);
        Assert.DoesNotContain("Léa Fabre", (await manager.GetDocumentAsync("/gestion/nouveaux-arrivants?statut=settled")).QuerySelector("main")!.Text(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_email_or_phone_the_form_says_how_to_be_answered_and_stores_nothing()
    {
        await using var app = await TestApp.StartAsync();
        var response = await app.Browser().SubmitFormAsync("/venir/demande", Valid(email: null));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ParseAsync();
        Assert.Contains("Indiquez une adresse e-mail ou un numéro de téléphone", page.QuerySelector("#Input_Email-error").Text(), StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector("#erreurs"));
        Assert.Equal(0, await CountAsync(app, "Léa Fabre"));
        Assert.Empty(app.Mails());
    }

    [Fact]
    public async Task A_phone_alone_is_enough_and_no_mail_is_sent()
    {
        await using var app = await TestApp.StartAsync();
        var fields = Valid(email: null);
        fields["Input.Phone"] = "06 12 34 56 78";
        Assert.Equal(HttpStatusCode.Redirect, (await app.Browser().SubmitFormAsync("/venir/demande", fields)).StatusCode);
        Assert.Equal(1, await CountAsync(app, "Léa Fabre"));
        Assert.Empty(app.Mails());
    }

    [Fact]
    public async Task A_one_megabyte_message_gets_a_clear_message_and_nothing_is_stored()
    {
        await using var app = await TestApp.StartAsync();
        var fields = Valid();
        fields["Input.Message"] = new string('a', 1024 * 1024);
        var response = await app.Browser().SubmitFormAsync("/venir/demande", fields);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ParseAsync();
        Assert.Contains("Le message fait au plus 4000 caractères.", page.QuerySelector("#Input_Message-error").Text(), StringComparison.Ordinal);
        Assert.Equal(0, await CountAsync(app, "Léa Fabre"));
    }

    [Fact]
    public async Task A_script_is_stored_as_text_and_shown_escaped_to_managers()
    {
        await using var app = await TestApp.StartAsync();
        const string script = "<script>alert('x')</script><img src=x onerror=alert(1)>";
        var fields = Valid(name: "Bob <script>alert(1)</script>");
        fields["Input.Message"] = script;
        Assert.Equal(HttpStatusCode.Redirect, (await app.Browser().SubmitFormAsync("/venir/demande", fields)).StatusCode);
        var stored = await app.WithDbAsync(db => db.Set<NewcomerRequest>().SingleAsync(r => r.Name.StartsWith("Bob")));
        Assert.Equal(script, stored.Message);

        var manager = app.Browser();
        await manager.SignInAsync(TestApp.ManagerEmail);
        var response = await manager.GetAsync(new Uri($"/gestion/nouveaux-arrivants/{stored.Id}", UriKind.Relative));
        var html = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("<script>alert", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<img src=x", html, StringComparison.Ordinal);
        var page = await response.ParseAsync();
        Assert.Empty(page.QuerySelectorAll("main script, main img"));
        Assert.Contains(script, page.QuerySelector("main").Text(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_flood_from_one_address_gets_429_and_nothing_beyond_the_limit_is_stored()
    {
        await using var app = await TestApp.StartAsync(settings: new Dictionary<string, string?> { ["RateLimits:public-form:PermitLimit"] = "3" });
        var visitor = app.Browser();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++)
        {
            var response = await visitor.SubmitFormAsync("/venir/demande", Valid(name: $"Flot {i}"));
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                Assert.Contains("trop de tentatives", (await response.ParseAsync()).Body.Text(), StringComparison.Ordinal);
            }
        }
        Assert.Equal([HttpStatusCode.Redirect, HttpStatusCode.Redirect, HttpStatusCode.Redirect, HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests], statuses);
        Assert.Equal(3, await app.WithDbAsync(db => db.Set<NewcomerRequest>().CountAsync(r => r.Name.StartsWith("Flot"))));
        Assert.Equal(HttpStatusCode.OK, (await visitor.GetAsync(new Uri("/venir/demande", UriKind.Relative))).StatusCode); // reading is not limited
    }
}
