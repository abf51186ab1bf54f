using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Cotravail.Tests.Infrastructure;
using Cotravail.Web.Features.Accounts;

namespace Cotravail.Tests.Accounts;

/// <summary>Identity's « manage/info » endpoint cannot change the address behind the password and the old address's back.</summary>
public sealed class IdentityManageInfoTests
{
    [Fact]
    public async Task A_new_address_through_manage_info_is_refused_nothing_is_sent_and_the_password_still_changes_there()
    {
        await using var app = await TestApp.StartAsync();
        var user = await app.CreateUserAsync("titulaire@exemple.fr");
        // Identity's « manage » endpoints take the session cookie.
        var client = app.Browser();
        await client.SignInAsync(user.Email!);
        var before = app.Mails().Count;

        var refused = await client.PostAsJsonAsync("/api/v1/auth/manage/info", new { newEmail = "pirate@exemple.fr" });

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var problem = await refused.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(IdentityApiInput.EmailChangeElsewhere, problem.GetProperty("errors").GetProperty("newEmail")[0].GetString());
        Assert.Equal(before, app.Mails().Count);
        Assert.Equal("titulaire@exemple.fr", (await app.AccountAsync(user.Id)).Email);

        // Without a new address the endpoint works as before: the password changes with the old one given.
        var changed = await client.PostAsJsonAsync("/api/v1/auth/manage/info",
            new { oldPassword = TestApp.DemoPassword, newPassword = "Nouveau-mot-2026!" });
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await app.CreateClient().PostAsJsonAsync("/api/v1/auth/login",
            new { email = "titulaire@exemple.fr", password = "Nouveau-mot-2026!" })).StatusCode);
    }
}
