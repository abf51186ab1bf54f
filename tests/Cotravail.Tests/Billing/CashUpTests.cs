using System.Net;
using Cotravail.Tests.Infrastructure;
using Cotravail.Web.Features.Audit;
using Microsoft.EntityFrameworkCore;
using static Cotravail.Tests.Billing.TillForms;

namespace Cotravail.Tests.Billing;

/// <summary>One cash-up per site and day; a difference explained and confirmed; corrections as new, linked, audited entries.</summary>
public sealed class CashUpTests
{
    private const string CloseForm = "form[action$='handler=Close']";
    private const string CorrectForm = "form[action$='handler=Correct']";

    /// <summary>20 € in cash taken at Luzech today, and the host signed in.</summary>
    private static async Task<(TestApp App, HttpClient Host)> StartAsync(string provider = "Sqlite")
    {
        var app = await TestApp.StartAsync(provider);
        var network = await app.NetworkAsync();
        var helene = await app.PersonAsync("helene@exemple.test", "Hélène", "Dupont");
        var invoice = await app.InvoiceAsync(network, helene, 2000);
        var api = await app.ApiClientAsync(TestApp.HostEmail);
        var site = (await app.SiteAsync("luzech")).Id;
        Assert.Equal(HttpStatusCode.Created, (await api.PostJsonAsync("/api/v1/payments", new { invoiceId = invoice.Id, method = "cash", amountCents = 2000, siteId = site })).StatusCode);
        var host = app.Browser();
        await host.SignInAsync(TestApp.HostEmail);
        return (app, host);
    }

    [Fact]
    public async Task A_shortfall_needs_a_comment_and_a_confirmation_and_the_comment_shows_in_the_history()
    {
        var (app, host) = await StartAsync();
        await using var _ = app;

        var bare = await (await host.PostAsync(Till, CloseForm, ("Close.Counted", "15,00"))).ParseAsync();
        Assert.Contains("écart de", bare.FieldError("Close_Comment"), StringComparison.Ordinal);
        Assert.Contains("5,00 €", bare.FieldError("Close_Comment"), StringComparison.Ordinal);

        var unconfirmed = await host.PostAsync(Till, CloseForm, ("Close.Counted", "15,00"), ("Close.Comment", "Manque 5 €"));
        Assert.Equal(HttpStatusCode.OK, unconfirmed.StatusCode);
        var step = await unconfirmed.ParseAsync();
        Assert.StartsWith("Cochez « Je confirme l'écart de", step.FieldError("Close_ConfirmedDifference"), StringComparison.Ordinal);
        var box = step.QuerySelector("#Close_ConfirmedDifference")!;
        Assert.Equal("-500", box.GetAttribute("value"));
        Assert.StartsWith("Je confirme l'écart de", step.QuerySelector("label[for=Close_ConfirmedDifference]").Text(), StringComparison.Ordinal);
        Assert.Equal(0, await app.WithDbAsync(db => db.CashUps.CountAsync()));

        // A confirmation of another amount (the count changed meanwhile) is no confirmation.
        var stale = await host.PostAsync(Till, CloseForm, ("Close.Counted", "15,00"), ("Close.Comment", "Manque 5 €"), ("Close.ConfirmedDifference", "-400"));
        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        Assert.Equal(0, await app.WithDbAsync(db => db.CashUps.CountAsync()));

        var closed = await host.PostAsync(Till, CloseForm, ("Close.Counted", "15,00"), ("Close.Comment", "Manque 5 €"), ("Close.ConfirmedDifference", "-500"));
        Assert.Equal(HttpStatusCode.Redirect, closed.StatusCode);
        var history = (await host.GetDocumentAsync(Till)).QuerySelectorAll("#clotures tbody tr").Select(r => r.Cells()).ToList();
        var row = Assert.Single(history);
        Assert.Equal("mardi 1er décembre 2026 | 20,00 € | 15,00 € | -5,00 € | Manque 5 € | Julien Lafon", row.Replace('\u2212', '-'));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_second_cash_up_the_same_day_is_refused(string provider)
    {
        var (app, host) = await StartAsync(provider);
        await using var _ = app;
        Assert.Equal(HttpStatusCode.Redirect, (await host.PostAsync(Till, CloseForm, ("Close.Counted", "20"))).StatusCode);

        // The page no longer offers to close; a form sent anyway (another tab) is refused, and the day keeps one cash-up.
        Assert.Null((await host.GetDocumentAsync(Till)).QuerySelector(CloseForm));
        var token = (await host.GetDocumentAsync(Till)).QuerySelector($"{CorrectForm} input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var second = await host.PostAsync(new Uri($"{Till}?handler=Close", UriKind.Relative),
            new FormUrlEncodedContent([new("__RequestVerificationToken", token), new("Close.Counted", "0")]));
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Contains("La caisse du mardi 1er décembre 2026 est déjà close ; pour corriger, ajoutez une correction.",
            (await second.ParseAsync()).QuerySelector("#erreurs").Text(), StringComparison.Ordinal);
        Assert.Equal(1, await app.WithDbAsync(db => db.CashUps.CountAsync()));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_correction_is_a_new_entry_linked_to_the_day_shown_under_it_and_audited(string provider)
    {
        var (app, host) = await StartAsync(provider);
        await using var _ = app;
        await host.PostAsync(Till, CloseForm, ("Close.Counted", "15"), ("Close.Comment", "Manque 5 €"), ("Close.ConfirmedDifference", "-500"));
        var original = await app.WithDbAsync(db => db.CashUps.AsNoTracking().SingleAsync());
        var id = original.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);

        var noComment = await host.PostAsync(Till, CorrectForm, ("Correct.CashUpId", id), ("Correct.Counted", "20"));
        Assert.Equal("Expliquez la correction.", (await noComment.ParseAsync()).FieldError("Correct_Comment"));
        Assert.Equal(1, await app.WithDbAsync(db => db.CashUps.CountAsync()));

        var fixedUp = await host.PostAsync(Till, CorrectForm, ("Correct.CashUpId", id), ("Correct.Counted", "20"), ("Correct.Comment", "Billet de 5 € retrouvé sous le tiroir"));
        Assert.Equal(HttpStatusCode.Redirect, fixedUp.StatusCode);
        var all = await app.WithDbAsync(db => db.CashUps.AsNoTracking().OrderBy(c => c.Id).ToListAsync());
        Assert.Equal(2, all.Count);
        Assert.Equal((1500, -500, "Manque 5 €"), (all[0].CountedCents, all[0].DifferenceCents, all[0].Comment)); // never edited
        Assert.Equal((original.Id, original.Date, 2000, 0), (all[1].CorrectsCashUpId!.Value, all[1].Date, all[1].CountedCents, all[1].DifferenceCents));

        var rows = (await host.GetDocumentAsync(Till)).QuerySelectorAll("#clotures tbody tr").Select(r => r.Cells()).ToList();
        Assert.Equal(2, rows.Count);
        Assert.StartsWith("Correction du mardi 1er décembre 2026", rows[1], StringComparison.Ordinal);
        Assert.Contains("Billet de 5 € retrouvé sous le tiroir", rows[1], StringComparison.Ordinal);

        var audit = await app.WithDbAsync(db => db.AuditEntries.AsNoTracking().Where(e => e.EntityType == "CashUp").OrderBy(e => e.Id).ToListAsync());
        Assert.Equal([original.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), all[1].Id.ToString(System.Globalization.CultureInfo.InvariantCulture)],
            audit.Select(e => e.EntityKey));
        Assert.All(audit, e => Assert.Equal(AuditAction.Created, e.Action));
        Assert.Contains("Billet de 5", audit[1].Changes, StringComparison.Ordinal);
        Assert.Contains("CorrectsCashUpId", audit[1].Changes, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_correction_sent_twice_is_recorded_once()
    {
        var (app, host) = await StartAsync("Sqlite");
        await using var _ = app;
        await host.PostAsync(Till, CloseForm, ("Close.Counted", "20"));
        var id = (await app.WithDbAsync(db => db.CashUps.AsNoTracking().SingleAsync())).Id.ToString(System.Globalization.CultureInfo.InvariantCulture);

        // One page, its form sent twice (a double click, a reload): one correction.
        var form = (await host.GetDocumentAsync(Till)).QuerySelector(CorrectForm)!;
        var values = form.QuerySelectorAll("input[type=hidden]").Select(i => new KeyValuePair<string, string>(i.GetAttribute("name")!, i.GetAttribute("value") ?? ""))
            .Concat([new("Correct.CashUpId", id), new("Correct.Counted", "20"), new("Correct.Comment", "Recompté : rien ne manque")]).ToList();
        var uri = new Uri(form.GetAttribute("action")!, UriKind.Relative);
        Assert.Equal(HttpStatusCode.Redirect, (await host.PostAsync(uri, new FormUrlEncodedContent(values))).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await host.PostAsync(uri, new FormUrlEncodedContent(values))).StatusCode);

        Assert.Equal(1, await app.WithDbAsync(db => db.CashUps.CountAsync(c => c.CorrectsCashUpId != null)));
        Assert.Contains("déjà enregistrée", (await host.GetDocumentAsync(Till)).QuerySelector("[role=status]").Text(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("-5")]
    [InlineData("abc")]
    [InlineData("12,345")]
    public async Task A_count_that_is_negative_or_not_an_amount_is_refused_in_french(string counted)
    {
        var (app, host) = await StartAsync();
        await using var _ = app;
        var refused = await host.PostAsync(Till, CloseForm, ("Close.Counted", counted), ("Close.Comment", "Compté"));
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Equal("Le montant compté doit être un nombre positif en euros, par exemple 152,50.", (await refused.ParseAsync()).FieldError("Close_Counted"));
        Assert.Equal(0, await app.WithDbAsync(db => db.CashUps.CountAsync()));
    }
}
