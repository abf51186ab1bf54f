using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Cotravail.Tests.Infrastructure;
using Cotravail.Tests.Reception;
using Cotravail.Web.Features.Accounts.MyAccount;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Tests.Accounts;

/// <summary>
/// ADR 0051: after a postcode, « Mon compte », registration and the walk-in form ask the commune among the postcode's
/// (without JavaScript the form comes back with the list); the INSEE code is stored and a commune of another postcode is
/// refused with nothing saved.
/// </summary>
public sealed class CommuneOfResidenceTests(SharedApps apps) : IClassFixture<SharedApps>
{
    private const string Luzech = "46182";
    private const string Cahors = "46042";

    [Fact]
    public async Task My_account_asks_the_commune_of_a_shared_postcode_then_keeps_its_INSEE_code()
    {
        var app = await apps.GetAsync();
        var (user, browser) = await app.SignedInMemberAsync("commune-insee@exemple.fr");

        var asked = await browser.SubmitFormAsync("/compte", MyAccountSteps.Details(postcode: "46140"));
        Assert.Equal(HttpStatusCode.OK, asked.StatusCode);
        var page = await asked.ParseAsync();
        Assert.Equal(CommuneChoice.Missing, page.ErrorFor("Input.Commune"));
        var select = page.QuerySelector("select#Input_Commune")!;
        Assert.Equal("Commune de résidence", page.QuerySelector("label[for='Input_Commune']").Text());
        Assert.Contains("Input_Commune-erreur", select.GetAttribute("aria-describedby"), StringComparison.Ordinal);
        Assert.NotNull(select.GetAttribute("required"));
        Assert.Equal(13, select.QuerySelectorAll("option").Length); // « Choisissez votre commune » and the 12 communes
        Assert.Contains(select.QuerySelectorAll("option"), o => o.GetAttribute("value") == Luzech && o.Text() == "Luzech");
        Assert.Null((await app.AccountAsync(user.Id)).Postcode);

        var saved = await browser.SubmitFormAsync("/compte", MyAccountSteps.Details(postcode: "46140", commune: Luzech));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var account = await app.AccountAsync(user.Id);
        Assert.Equal(("46140", "Luzech", Luzech), (account.Postcode, account.Commune, account.CommuneInsee));
        var shown = await browser.GetDocumentAsync("/compte");
        Assert.Equal(Luzech, shown.QuerySelector("select#Input_Commune option[selected]")!.GetAttribute("value"));
        Assert.Equal("Input_Postcode", shown.QuerySelector("[data-commune-for]")!.GetAttribute("data-commune-for"));
        Assert.NotNull(shown.QuerySelector("script[src^='/js/commune.js']"));
    }

    [Fact]
    public async Task A_postcode_of_one_commune_chooses_it_and_a_commune_of_another_postcode_is_refused()
    {
        var app = await apps.GetAsync();
        var (user, browser) = await app.SignedInMemberAsync("commune-seule@exemple.fr");

        var refused = await browser.SubmitFormAsync("/compte", MyAccountSteps.Details(postcode: "46140", commune: Cahors));
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Equal(CommuneChoice.NotAtPostcode, (await refused.ParseAsync()).ErrorFor("Input.Commune"));
        Assert.Null((await app.AccountAsync(user.Id)).CommuneInsee);

        Assert.Equal(HttpStatusCode.Redirect, (await browser.SubmitFormAsync("/compte", MyAccountSteps.Details(postcode: "46000"))).StatusCode);
        var account = await app.AccountAsync(user.Id);
        Assert.Equal(("46000", "Cahors", Cahors), (account.Postcode, account.Commune, account.CommuneInsee));
        var only = (await browser.GetDocumentAsync("/compte")).QuerySelector("select#Input_Commune")!;
        Assert.Equal([Cahors], only.QuerySelectorAll("option").Select(o => o.GetAttribute("value")));
        Assert.Null(only.GetAttribute("required"));
    }

    [Fact]
    public async Task The_account_api_takes_the_commune_by_its_INSEE_code_and_refuses_one_of_another_postcode()
    {
        var app = await apps.GetAsync();
        await app.CreateUserAsync("api-commune@exemple.fr");
        var api = await app.ApiClientAsync("api-commune@exemple.fr");
        object Body(string commune) => new
        {
            firstName = "Camille", lastName = "Delpech", phone = "", postcode = "46220", commune, language = "fr",
            wantsReminders = true, wantsDigest = false, wantsNews = false,
        };

        var refused = await api.PutAsJsonAsync(new Uri("/api/v1/me/account", UriKind.Relative), Body(Luzech));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal(CommuneChoice.NotAtPostcode, (await refused.JsonAsync()).GetProperty("errors").GetProperty("commune")[0].GetString());

        var saved = await api.PutAsJsonAsync(new Uri("/api/v1/me/account", UriKind.Relative), Body("46225"));
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        var account = await saved.JsonAsync();
        Assert.Equal(("Prayssac", "46225"), (account.GetProperty("commune").GetString(), account.GetProperty("communeInsee").GetString()));
    }

    [Fact]
    public async Task Registration_asks_the_commune_of_a_shared_postcode_and_creates_nothing_until_it_is_one_of_its()
    {
        var app = await apps.GetAsync();
        var client = app.Browser();

        var asked = await client.SubmitFormAsync("/compte/inscription", AccountSteps.RegistrationForm("inscription-commune@exemple.fr", postcode: "46220", commune: ""));
        Assert.Equal(HttpStatusCode.OK, asked.StatusCode);
        var page = await asked.ParseAsync();
        Assert.Equal(CommuneChoice.Missing, page.ErrorFor("Input.Commune"));
        Assert.Equal(["", "46147", "46218", "46225"], page.QuerySelectorAll("select#Input_Commune option").Select(o => o.GetAttribute("value")));
        var wrong = await client.SubmitFormAsync("/compte/inscription", AccountSteps.RegistrationForm("inscription-commune@exemple.fr", postcode: "46220", commune: Luzech));
        Assert.Equal(CommuneChoice.NotAtPostcode, (await wrong.ParseAsync()).ErrorFor("Input.Commune"));
        Assert.Null(await app.FindUserAsync("inscription-commune@exemple.fr"));

        var done = await client.SubmitFormAsync("/compte/inscription", AccountSteps.RegistrationForm("inscription-commune@exemple.fr", postcode: "46220", commune: "46225"));
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        var user = await app.FindUserAsync("inscription-commune@exemple.fr");
        Assert.Equal(("46220", "Prayssac", "46225"), (user!.Postcode, user.Commune, user.CommuneInsee));
    }
}

/// <summary>The reception's walk-in form asks the commune too, and the visit carries it to the observatory.</summary>
public sealed class WalkInCommuneTests
{
    [Fact]
    public async Task A_walk_in_from_a_shared_postcode_chooses_the_commune_and_the_visit_keeps_it()
    {
        await using var app = await ReceptionSteps.StartAsync();
        app.AtParis(10);
        var host = app.Browser();
        await host.SignInAsync(TestApp.HostEmail);
        Dictionary<string, string> Form(string? commune)
        {
            var fields = new Dictionary<string, string>
            {
                ["Input.FirstName"] = "Lucie", ["Input.LastName"] = "Cayla", ["Input.Postcode"] = "46140", ["Input.Method"] = "Cash",
            };
            if (commune is not null)
            {
                fields["Input.CommuneInsee"] = commune;
            }
            return fields;
        }

        var asked = await (await host.SubmitFormAsync("/accueil/luzech/venue", Form(null), "main form[method=post]")).ParseAsync();
        Assert.Equal(CommuneChoice.Missing, asked.QuerySelector("#Input_CommuneInsee-erreur").Text());
        Assert.Equal(13, asked.QuerySelectorAll("select#Input_CommuneInsee option").Length);
        var wrong = await (await host.SubmitFormAsync("/accueil/luzech/venue", Form("46042"), "main form[method=post]")).ParseAsync();
        Assert.Equal(CommuneChoice.NotAtPostcode, wrong.QuerySelector("#Input_CommuneInsee-erreur").Text());
        Assert.Equal((0, 0), (await app.WithDbAsync(db => db.Visits.CountAsync()), await app.WithDbAsync(db => db.Invoices.CountAsync())));

        Assert.Equal(HttpStatusCode.Redirect, (await host.SubmitFormAsync("/accueil/luzech/venue", Form("46182"), "main form[method=post]")).StatusCode);
        var visit = await app.WithDbAsync(db => db.Visits.Include(v => v.Visitor).SingleAsync());
        Assert.Equal(("46140", "46182", "46182"), (visit.Postcode, visit.CommuneInsee, visit.Visitor!.CommuneInsee));
        var origins = (await (await app.ApiClientAsync(TestApp.ManagerEmail))
            .GetFromJsonAsync<JsonElement>("/api/v1/observatory/indicators?from=2026-12-01&to=2026-12-01")).GetProperty("origins");
        Assert.Equal("Luzech (46140)", origins.EnumerateArray().Single().GetProperty("label").GetString());
    }

    [Fact]
    public async Task A_member_checking_in_brings_the_commune_of_their_account_and_their_export_and_erasure_hold_it()
    {
        await using var app = await ReceptionSteps.StartAsync();
        var member = await app.ApiClientAsync(TestApp.MemberEmail);
        var moved = await member.PutAsJsonAsync(new Uri("/api/v1/me/account", UriKind.Relative), new
        {
            firstName = "Sophie", lastName = "Martin", phone = "", postcode = "46220", commune = "46218", language = "fr",
            wantsReminders = true, wantsDigest = false, wantsNews = false,
        });
        Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
        var booking = await app.BookDeskTodayAsync(member);
        app.AtParis(9);
        var host = await app.ApiClientAsync(TestApp.HostEmail);
        var luzech = await app.SiteIdAsync("luzech");
        Assert.Equal(HttpStatusCode.Created, (await host.PostAsJsonAsync(new Uri($"/api/v1/sites/{luzech}/checkins", UriKind.Relative), new { bookingId = booking })).StatusCode);
        var visit = await app.WithDbAsync(db => db.Visits.SingleAsync());
        Assert.Equal(("46220", "46218"), (visit.Postcode, visit.CommuneInsee)); // Pescadoires

        // The clock moved past the first token's hour: a new sign-in.
        member = await app.ApiClientAsync(TestApp.MemberEmail);
        var data = (await member.GetFromJsonAsync<JsonElement>("/api/v1/me/data")).GetProperty("donnees");
        Assert.Equal("46218", data.GetProperty("compte")[0].GetProperty("codeInseeCommune").GetString());
        Assert.Equal("46218", data.GetProperty("accueil")[0].GetProperty("codeInseeCommune").GetString());
        Assert.Equal("46218", data.GetProperty("passages")[0].GetProperty("codeInseeCommune").GetString());

        var browser = app.Browser();
        await browser.SignInAsync(TestApp.MemberEmail);
        var erased = await browser.SubmitFormAsync("/mes-donnees/supprimer", new Dictionary<string, string> { ["Input.Password"] = TestApp.DemoPassword, ["Input.Confirm"] = "true" });
        Assert.Equal(HttpStatusCode.Redirect, erased.StatusCode);
        var (account, visitor) = await app.WithDbAsync(async db => (
            await db.Users.AsNoTracking().Where(u => u.Id == visit.UserId).Select(u => u.CommuneInsee).SingleAsync(),
            await db.Visitors.AsNoTracking().Where(v => v.Id == visit.VisitorId).Select(v => v.CommuneInsee).SingleAsync()));
        Assert.Equal((null, null), (account, visitor));
        // The visit stays for the observatory, with its postcode and commune, under an anonymous visitor.
        Assert.Equal("46218", await app.WithDbAsync(db => db.Visits.Select(v => v.CommuneInsee).SingleAsync()));
    }
}
