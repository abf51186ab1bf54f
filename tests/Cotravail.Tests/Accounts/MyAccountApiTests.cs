using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Cotravail.Tests.Infrastructure;
using Cotravail.Web.Features.Accounts.MyAccount;

namespace Cotravail.Tests.Accounts;

public sealed class MyAccountApiTests(SharedApps apps) : IClassFixture<SharedApps>
{
    private static object Body(string phone = "06 12 34 56 78", string? postcode = "46140", string? commune = "Luzech", string language = "en",
        string firstName = "Camille") => new
    {
        firstName, lastName = "Delpech", phone, postcode, commune, language, wantsReminders = false, wantsDigest = true, wantsNews = true,
    };

    private static Task<HttpResponseMessage> PutAsync(HttpClient api, object body) =>
        api.PutAsJsonAsync(new Uri("/api/v1/me/account", UriKind.Relative), body);

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_member_reads_and_changes_their_account(string provider)
    {
        var app = await apps.GetAsync(provider);
        await app.CreateUserAsync("api-compte@exemple.fr");
        var api = await app.ApiClientAsync("api-compte@exemple.fr");

        var put = await PutAsync(api, Body());

        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        var account = await api.GetFromJsonAsync<JsonElement>("/api/v1/me/account");
        string? S(string name) => account.GetProperty(name).ValueKind == JsonValueKind.String ? account.GetProperty(name).GetString() : account.GetProperty(name).GetRawText();
        Assert.Equal(["api-compte@exemple.fr", "Camille", "Delpech", "+33612345678", "46140", "Luzech", "46182", "en", "false", "true", "true"],
            new[] { "email", "firstName", "lastName", "phone", "postcode", "commune", "communeInsee", "language", "wantsReminders", "wantsDigest", "wantsNews" }.Select(S));
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.CreateClient().GetAsync(new Uri("/api/v1/me/account", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task Each_wrong_field_gets_its_French_message_under_its_own_name_and_nothing_changes()
    {
        var app = await apps.GetAsync();
        await app.CreateUserAsync("api-faux@exemple.fr");
        var api = await app.ApiClientAsync("api-faux@exemple.fr");

        var refused = await PutAsync(api, new { firstName = "", lastName = "Delpech", phone = "123", postcode = "99999", language = "de", wantsReminders = true, wantsDigest = false });

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var errors = (await refused.JsonAsync()).GetProperty("errors");
        Assert.Equal(["firstName", "phone", "postcode", "language", "wantsNews"], errors.EnumerateObject().Select(p => p.Name));
        Assert.Equal(PhoneNumbers.Invalid, errors.GetProperty("phone")[0].GetString());
        var several = await PutAsync(api, Body(postcode: "46090", commune: null));
        Assert.Equal(AccountDetails.SeveralCommunes, (await several.JsonAsync()).GetProperty("errors").GetProperty("commune")[0].GetString());
        var account = await api.GetFromJsonAsync<JsonElement>("/api/v1/me/account");
        Assert.Equal(("Test", JsonValueKind.Null, "fr"), (account.GetProperty("firstName").GetString(), account.GetProperty("phone").ValueKind, account.GetProperty("language").GetString()));
    }

    [Fact]
    public async Task A_change_of_address_starts_by_the_api_and_an_address_in_use_is_refused_without_mail()
    {
        var app = await apps.GetAsync();
        await app.CreateUserAsync("api-adresse@exemple.fr");
        var api = await app.ApiClientAsync("api-adresse@exemple.fr");

        var used = await api.PostJsonAsync("/api/v1/me/account/email", new { newEmail = TestApp.MemberEmail, password = TestApp.DemoPassword });
        Assert.Equal(HttpStatusCode.BadRequest, used.StatusCode);
        Assert.Equal(EmailChange.AlreadyUsed, (await used.JsonAsync()).GetProperty("errors").GetProperty("newEmail")[0].GetString());
        var wrong = await api.PostJsonAsync("/api/v1/me/account/email", new { newEmail = "api-neuve@exemple.fr", password = "faux" });
        Assert.Equal(EmailChange.WrongPassword, (await wrong.JsonAsync()).GetProperty("errors").GetProperty("password")[0].GetString());
        Assert.Empty(app.MailsTo("api-adresse@exemple.fr"));

        var started = await api.PostJsonAsync("/api/v1/me/account/email", new { newEmail = "api-neuve@exemple.fr", password = TestApp.DemoPassword });

        Assert.Equal(HttpStatusCode.Accepted, started.StatusCode);
        Assert.Equal(EmailChangeMails.ConfirmSubject, app.LastMailTo("api-neuve@exemple.fr").Subject);
        Assert.Equal(EmailChangeMails.WarningSubject, app.LastMailTo("api-adresse@exemple.fr").Subject);
        Assert.Equal("api-adresse@exemple.fr", (await api.GetFromJsonAsync<JsonElement>("/api/v1/me/account")).GetProperty("email").GetString());
    }

    [Fact]
    public async Task The_personal_data_export_holds_the_new_details_and_choices()
    {
        var app = await apps.GetAsync();
        await app.CreateUserAsync("api-export@exemple.fr");
        var api = await app.ApiClientAsync("api-export@exemple.fr");
        await PutAsync(api, Body());

        var export = await api.GetFromJsonAsync<JsonElement>("/api/v1/me/data");

        var text = export.GetRawText().Replace(": ", ":", StringComparison.Ordinal);
        foreach (var expected in new[] { "\"commune\":\"Luzech\"", "33612345678\"", "\"langue\":\"en\"", "\"recoitLesRappels\":false",
            "\"recoitLeResumeHebdomadaire\":true", "\"recoitLesNouvellesDuReseau\":true" })
        {
            Assert.Contains(expected, text, StringComparison.Ordinal);
        }
    }
}
