using System.IO.Compression;
using System.Net;
using System.Text;
using System.Text.Json;
using Cotravail.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Tests.Privacy;

public sealed class MyDataTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task My_export_holds_my_booking_and_not_someone_elses_in_json_and_in_csv(string provider)
    {
        await using var app = await TestApp.StartAsync(provider, PrivacySteps.NoWorkers);
        var member = await app.ApiClientAsync(TestApp.MemberEmail);
        var other = (await app.NewMembersAsync(1))[0];
        var mine = await app.BookAsync(member, "2026-12-03");
        var theirs = await app.BookAsync(other, "2026-12-04");
        var feed = await member.GetStringAsync(new Uri("/api/v1/me/calendar", UriKind.Relative));
        var token = JsonDocument.Parse(feed).RootElement.GetProperty("url").GetString()!.Split('/')[^1].Replace(".ics", "", StringComparison.Ordinal);

        var response = await member.GetAsync(new Uri("/api/v1/me/data", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var json = await response.JsonAsync();
        var data = json.GetProperty("donnees");
        Assert.Equal(TestApp.MemberEmail, data.GetProperty("compte")[0].GetProperty("email").GetString());
        var booking = Assert.Single(data.GetProperty("reservations").EnumerateArray());
        Assert.Equal(mine, booking.GetProperty("id").GetInt32());
        Assert.Equal("2026-12-03", booking.GetProperty("date").GetString());
        Assert.NotEqual(theirs, booking.GetProperty("id").GetInt32());
        var masked = data.GetProperty("calendrier")[0].GetProperty("jetonMasque").GetString()!;
        Assert.EndsWith("…", masked);
        Assert.DoesNotContain(token, json.GetRawText(), StringComparison.Ordinal);

        var browser = app.Browser();
        await browser.SignInAsync(TestApp.MemberEmail);
        var zip = await browser.GetAsync(new Uri("/mes-donnees/export.zip", UriKind.Relative));
        Assert.Equal("application/zip", zip.Content.Headers.ContentType?.MediaType);
        using var archive = new ZipArchive(await zip.Content.ReadAsStreamAsync());
        Assert.Contains(archive.Entries, e => e.Name == "compte.csv");
        Assert.Contains(archive.Entries, e => e.Name == "factures.csv");
        using var reader = new StreamReader(archive.GetEntry("reservations.csv")!.Open(), Encoding.UTF8);
        var csv = (await reader.ReadToEndAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("id;espace;ressource;date", csv[0], StringComparison.Ordinal);
        Assert.Equal(2, csv.Length); // the header and my booking
        Assert.StartsWith($"{mine};", csv[1], StringComparison.Ordinal);
        Assert.Contains("2026-12-03", csv[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_page_lists_what_is_kept_and_the_export_needs_a_signed_in_person()
    {
        await using var app = await TestApp.StartAsync(settings: PrivacySteps.NoWorkers);
        var anonymous = app.Browser();
        Assert.Equal(HttpStatusCode.Redirect, (await anonymous.GetAsync(new Uri("/mes-donnees", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.CreateClient().GetAsync(new Uri("/api/v1/me/data", UriKind.Relative))).StatusCode);

        var member = await app.ApiClientAsync(TestApp.MemberEmail);
        await app.BookAsync(member, "2026-12-03");
        var browser = app.Browser();
        await browser.SignInAsync(TestApp.MemberEmail);
        var page = await browser.GetDocumentAsync("/mes-donnees");
        var row = page.QuerySelectorAll("tbody tr").Single(r => r.QuerySelector("th").Text() == "Réservations");
        Assert.Equal("1", row.QuerySelector("td").Text());
        Assert.NotNull(page.QuerySelector("a[href='/mes-donnees/export.json']"));
        Assert.NotNull(page.QuerySelector("a[href='/mes-donnees/supprimer']"));
    }
}
