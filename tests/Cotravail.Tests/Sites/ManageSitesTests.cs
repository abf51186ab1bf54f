using System.Net;
using Cotravail.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Tests.Sites;

public sealed class ManageSitesTests
{
    private static Dictionary<string, string> ValidSite(string name = "Tiers-lieu de Duravel") => new()
    {
        ["Input.Name"] = name,
        ["Input.Address"] = "3 place de l'Église",
        ["Input.Postcode"] = "46700",
        ["Input.Commune"] = "duravel",
        ["Input.DayPrice"] = "12,50",
        ["Input.InternetDownMbps"] = "300",
        ["Input.StepFreeAccess"] = "true",
        ["Input.ClosedOnPublicHolidays"] = "true",
        ["Input.TimeZone"] = "Europe/Paris",
        ["Input.BookingHorizonDays"] = "60",
        ["Input.HalfDaySplit"] = "12:30",
        ["Input.DeskCancelCutoff"] = "17:00",
        ["Input.RoomCancelNoticeMinutes"] = "60",
        ["Input.NoShowTime"] = "10:30",
    };

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_manager_opens_a_site_adds_a_desk_pool_and_hours_and_the_public_sees_it(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var client = app.Browser();
        await client.SignInAsync(TestApp.ManagerEmail);

        var created = await client.SubmitFormAsync("/gestion/espaces/nouveau", ValidSite());
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var site = await app.SiteAsync("tiers-lieu-de-duravel");
        Assert.Equal("Duravel", site.Commune); // official spelling
        Assert.Equal(1250, site.DayPriceCents);
        Assert.Equal(60, site.BookingHorizonDays);
        Assert.Equal(new TimeOnly(12, 30), site.HalfDaySplit);
        Assert.Equal(new TimeOnly(10, 30), site.NoShowTime);

        var added = await client.SubmitFormAsync($"/gestion/espaces/{site.Id}/ressources", new Dictionary<string, string>
        {
            ["Input.Kind"] = "DeskPool", ["Input.Name"] = "Grande salle", ["Input.Capacity"] = "6",
        });
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);

        var hours = new Dictionary<string, string>();
        string[] days = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];
        for (var i = 0; i < 7; i++)
        {
            hours[$"Days[{i}].Day"] = days[i];
            hours[$"Days[{i}].Open"] = i < 5 ? "true" : "false";
            hours[$"Days[{i}].Opens"] = "09:00";
            hours[$"Days[{i}].Closes"] = "12:30";
            hours[$"Days[{i}].Opens2"] = "14:00";
            hours[$"Days[{i}].Closes2"] = "18:00";
        }
        Assert.Equal(HttpStatusCode.Redirect, (await client.SubmitFormAsync($"/gestion/espaces/{site.Id}/horaires", hours)).StatusCode);

        var page = await app.Browser().GetDocumentAsync("/espaces/tiers-lieu-de-duravel");
        var text = page.Body.Text();
        Assert.Contains("12,50 €", text, StringComparison.Ordinal);
        Assert.Contains("Grande salle", text, StringComparison.Ordinal);
        Assert.Contains("lundi 9 h 00 – 12 h 30, 14 h 00 – 18 h 00", text, StringComparison.Ordinal);
        Assert.Contains("samedi Fermé", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bad_site_input_gets_French_messages_next_to_the_fields_and_saves_nothing()
    {
        await using var app = await TestApp.StartAsync();
        var client = app.Browser();
        await client.SignInAsync(TestApp.ManagerEmail);
        var before = await app.WithDbAsync(db => db.Sites.CountAsync());

        var input = ValidSite("");
        input["Input.Postcode"] = "4614";
        var response = await client.SubmitFormAsync("/gestion/espaces/nouveau", input);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ParseAsync();
        Assert.Equal("Le nom est obligatoire.", page.QuerySelector("#Input_Name-error").Text());
        Assert.Equal("true", page.QuerySelector("#Input_Name")!.GetAttribute("aria-invalid"));
        Assert.Contains("Input_Name-error", page.QuerySelector("#Input_Name")!.GetAttribute("aria-describedby"), StringComparison.Ordinal);
        Assert.Equal("Le code postal doit comporter 5 chiffres.", page.QuerySelector("#Input_Postcode-error").Text());

        input = ValidSite();
        input["Input.Postcode"] = "46140";
        input["Input.Commune"] = "Paris";
        input["Input.DayPrice"] = "-3";
        page = await (await client.SubmitFormAsync("/gestion/espaces/nouveau", input)).ParseAsync();
        Assert.StartsWith("Commune inconnue pour le code postal 46140", page.QuerySelector("#Input_Commune-error").Text(), StringComparison.Ordinal);
        Assert.Contains("montant en euros positif", page.QuerySelector("#Input_DayPrice-error").Text(), StringComparison.Ordinal);

        Assert.Equal(before, await app.WithDbAsync(db => db.Sites.CountAsync()));
    }

    [Fact]
    public async Task Bad_resource_hours_and_closure_input_is_refused_in_French()
    {
        await using var app = await TestApp.StartAsync();
        var client = app.Browser();
        await client.SignInAsync(TestApp.ManagerEmail);
        var luzech = await app.SiteAsync("luzech");

        foreach (var capacity in new[] { "0", "-4", "abc" })
        {
            var page = await (await client.SubmitFormAsync($"/gestion/espaces/{luzech.Id}/ressources", new Dictionary<string, string>
            {
                ["Input.Kind"] = "MeetingRoom", ["Input.Name"] = "Petite salle", ["Input.Capacity"] = capacity,
            })).ParseAsync();
            Assert.NotEmpty(page.QuerySelector("#Input_Capacity-error").Text());
        }

        var hours = new Dictionary<string, string>();
        string[] days = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];
        for (var i = 0; i < 7; i++)
        {
            hours[$"Days[{i}].Day"] = days[i];
            hours[$"Days[{i}].Open"] = "true";
            hours[$"Days[{i}].Opens"] = "18:00";
            hours[$"Days[{i}].Closes"] = i == 0 ? "08:00" : "20:00";
        }
        var hoursPage = await (await client.SubmitFormAsync($"/gestion/espaces/{luzech.Id}/horaires", hours)).ParseAsync();
        Assert.Equal("La fermeture doit être après l'ouverture.", hoursPage.QuerySelector("#Days_0__Closes-error").Text());

        var closurePage = await (await client.SubmitFormAsync($"/gestion/espaces/{luzech.Id}/fermetures", new Dictionary<string, string>
        {
            ["Input.StartDate"] = "2026-12-24", ["Input.EndDate"] = "2026-12-20", ["Input.Reason"] = "Fêtes",
        })).ParseAsync();
        Assert.Equal("Le dernier jour doit être le premier jour ou après.", closurePage.QuerySelector("#Input_EndDate-error").Text());
        var badDate = await (await client.SubmitFormAsync($"/gestion/espaces/{luzech.Id}/fermetures", new Dictionary<string, string>
        {
            ["Input.StartDate"] = "2026-02-31", ["Input.EndDate"] = "2026-03-02", ["Input.Reason"] = "Travaux",
        })).ParseAsync();
        Assert.Contains("2026-02-31", badDate.QuerySelector("#Input_StartDate-error").Text(), StringComparison.Ordinal);

        var after = await app.SiteAsync("luzech");
        Assert.Equal(luzech.Resources.Count, after.Resources.Count);
        Assert.All(after.OpeningHours, h => Assert.Equal(new TimeOnly(8, 0), h.Opens));
        Assert.Empty(after.Closures);
    }

    [Fact]
    public async Task A_closure_shows_on_the_public_page_and_an_archived_site_disappears()
    {
        await using var app = await TestApp.StartAsync();
        var client = app.Browser();
        await client.SignInAsync(TestApp.ManagerEmail);
        var prayssac = await app.SiteAsync("prayssac");

        await client.SubmitFormAsync($"/gestion/espaces/{prayssac.Id}/fermetures", new Dictionary<string, string>
        {
            ["Input.StartDate"] = "2026-12-14", ["Input.EndDate"] = "2026-12-18", ["Input.Reason"] = "Travaux de peinture",
        });
        var page = await app.Browser().GetDocumentAsync("/espaces/prayssac");
        Assert.Contains("du lundi 14 décembre 2026 au vendredi 18 décembre 2026 — Travaux de peinture", page.Body.Text(), StringComparison.Ordinal);

        var archived = await client.SubmitFormAsync($"/gestion/espaces/{prayssac.Id}", new Dictionary<string, string> { ["archive"] = "true" }, "form[action*='handler=Archive']");
        Assert.Equal(HttpStatusCode.Redirect, archived.StatusCode);
        var home = await app.Browser().GetDocumentAsync("/");
        Assert.Equal(2, home.QuerySelectorAll(".card").Length);
        await app.Browser().GetDocumentAsync("/espaces/prayssac", HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_manager_makes_a_member_host_of_a_site()
    {
        await using var app = await TestApp.StartAsync();
        var client = app.Browser();
        await client.SignInAsync(TestApp.ManagerEmail);
        var puy = await app.SiteAsync("puy-l-eveque");

        var unknown = await (await client.SubmitFormAsync($"/gestion/espaces/{puy.Id}/equipe", new Dictionary<string, string> { ["Email"] = "personne@nulle.part" })).ParseAsync();
        Assert.StartsWith("Aucun compte n'a cette adresse", unknown.QuerySelector("#Email-error").Text(), StringComparison.Ordinal);

        var added = await client.SubmitFormAsync($"/gestion/espaces/{puy.Id}/equipe", new Dictionary<string, string> { ["Email"] = TestApp.MemberEmail });
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        var hosts = await app.WithDbAsync(db => db.SiteHosts.Where(h => h.SiteId == puy.Id).Select(h => h.User!.Email).ToListAsync());
        Assert.Equal([TestApp.MemberEmail], hosts);
        var page = await client.GetDocumentAsync($"/gestion/espaces/{puy.Id}/equipe");
        Assert.Contains("Sophie Martin", page.QuerySelector(".people").Text(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Only_the_managers_of_a_network_reach_its_sites()
    {
        await using var app = await TestApp.StartAsync();
        var (_, otherSite, otherManager) = await app.CreateOtherNetworkAsync();
        var luzech = await app.SiteAsync("luzech");

        var anonymous = await app.Browser().GetAsync(new Uri($"/gestion/espaces/{luzech.Id}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.StartsWith("/compte/connexion", anonymous.Headers.Location!.OriginalString.Replace("http://localhost", "", StringComparison.Ordinal), StringComparison.Ordinal);

        var member = app.Browser();
        await member.SignInAsync(TestApp.MemberEmail);
        var denied = await member.GetAsync(new Uri($"/gestion/espaces/{luzech.Id}", UriKind.Relative));
        Assert.Contains("/compte/acces-refuse", denied.Headers.Location!.OriginalString, StringComparison.Ordinal);

        var other = app.Browser();
        await other.SignInAsync(otherManager.Email!);
        var forbidden = await other.GetAsync(new Uri($"/gestion/espaces/{luzech.Id}", UriKind.Relative));
        Assert.Contains("/compte/acces-refuse", forbidden.Headers.Location!.OriginalString, StringComparison.Ordinal);
        var list = await other.GetDocumentAsync("/gestion/espaces");
        Assert.DoesNotContain("Luzech", list.QuerySelector("main").Text(), StringComparison.Ordinal);
        Assert.Contains("Lalbenque", list.QuerySelector("main").Text(), StringComparison.Ordinal);

        var demoManager = app.Browser();
        await demoManager.SignInAsync(TestApp.ManagerEmail);
        var notMine = await demoManager.SubmitFormAsync($"/gestion/espaces/{luzech.Id}", ValidSite());
        Assert.Equal(HttpStatusCode.Redirect, notMine.StatusCode); // sanity: own site works
        var crossPost = await demoManager.GetAsync(new Uri($"/gestion/espaces/{otherSite.Id}/ressources", UriKind.Relative));
        Assert.Contains("/compte/acces-refuse", crossPost.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }
}

public sealed class ManageNetworkTests
{
    [Fact]
    public async Task A_manager_sets_the_invoicing_identity_and_a_bad_siret_is_refused()
    {
        await using var app = await TestApp.StartAsync();
        var client = app.Browser();
        await client.SignInAsync(TestApp.ManagerEmail);
        var (other, _, _) = await app.CreateOtherNetworkAsync();
        var id = await app.WithDbAsync(db => db.Networks.Where(n => n.Slug == "vallee-du-lot-et-du-vignoble").Select(n => n.Id).SingleAsync());
        var fields = new Dictionary<string, string>
        {
            ["Input.Name"] = "Vallée du Lot et du Vignoble",
            ["Input.LegalName"] = "Communauté de communes de la Vallée du Lot et du Vignoble",
            ["Input.LegalAddress"] = "Place de la Mairie, 46140 Luzech",
            ["Input.Siret"] = "732 829 320 00074",
            ["Input.VatNumber"] = "",
        };

        var bad = await (await client.SubmitFormAsync($"/gestion/reseaux/{id}", new Dictionary<string, string>(fields) { ["Input.Siret"] = "73282932000075" })).ParseAsync();
        Assert.StartsWith("Le SIRET comporte 14 chiffres", bad.QuerySelector("#Input_Siret-error").Text(), StringComparison.Ordinal);
        Assert.Equal("20006654600017", await app.WithDbAsync(db => db.Networks.Where(n => n.Id == id).Select(n => n.Siret).SingleAsync()));

        Assert.Equal(HttpStatusCode.Redirect, (await client.SubmitFormAsync($"/gestion/reseaux/{id}", fields)).StatusCode);
        Assert.Equal("73282932000074", await app.WithDbAsync(db => db.Networks.Where(n => n.Id == id).Select(n => n.Siret).SingleAsync()));

        var foreign = await client.GetAsync(new Uri($"/gestion/reseaux/{other.Id}", UriKind.Relative));
        Assert.Contains("/compte/acces-refuse", foreign.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_manager_sets_the_bank_details_and_an_iban_with_a_wrong_check_is_refused()
    {
        await using var app = await TestApp.StartAsync();
        var client = app.Browser();
        await client.SignInAsync(TestApp.ManagerEmail);
        var id = await app.WithDbAsync(db => db.Networks.Where(n => n.Slug == "vallee-du-lot-et-du-vignoble").Select(n => n.Id).SingleAsync());
        var fields = new Dictionary<string, string>
        {
            ["Input.Name"] = "Vallée du Lot et du Vignoble",
            ["Input.LegalName"] = "Communauté de communes de la Vallée du Lot et du Vignoble",
            ["Input.LegalAddress"] = "Place de la Mairie, 46140 Luzech",
            ["Input.Iban"] = "fr76 3000 4000 0312 3456 7890 143",
            ["Input.Bic"] = "bnpafrpp",
        };

        // One digit changed from a valid IBAN: the check fails, and nothing changes.
        var bad = await (await client.SubmitFormAsync($"/gestion/reseaux/{id}", new Dictionary<string, string>(fields) { ["Input.Iban"] = "FR76 3000 4000 0312 3456 7890 144" })).ParseAsync();
        Assert.StartsWith("Cet IBAN n'est pas valide", bad.QuerySelector("#Input_Iban-error").Text(), StringComparison.Ordinal);
        Assert.Equal("FR7630001000640000012345618", await app.WithDbAsync(db => db.Networks.Where(n => n.Id == id).Select(n => n.Iban).SingleAsync()));

        Assert.Equal(HttpStatusCode.Redirect, (await client.SubmitFormAsync($"/gestion/reseaux/{id}", fields)).StatusCode);
        var saved = await app.WithDbAsync(db => db.Networks.Where(n => n.Id == id).Select(n => new { n.Iban, n.Bic }).SingleAsync());
        Assert.Equal("FR7630004000031234567890143", saved.Iban);
        Assert.Equal("BNPAFRPP", saved.Bic);
    }
}
