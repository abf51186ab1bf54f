using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Cotravail.Tests.Infrastructure;
using Cotravail.Web.Features.Accounts;

namespace Cotravail.Tests.Accounts;

public sealed class AccountsApiTests
{
    [Fact]
    public async Task Api_registration_with_a_short_password_answers_400_problem_details_in_French()
    {
        await using var app = await TestApp.StartAsync();
        var before = await app.CountUsersAsync();

        var response = await app.CreateClient().PostAsJsonAsync("/api/v1/auth/register", new { email = "api@exemple.fr", password = "court" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        var errors = problem.GetProperty("errors").GetProperty("PasswordTooShort");
        Assert.Equal("Le mot de passe doit contenir au moins 12 caractères.", errors[0].GetString());
        Assert.Equal(before, await app.CountUsersAsync());
        Assert.Empty(app.Mails());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Eight_people_registering_through_the_API_at_once_each_get_their_confirmation(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var emails = Enumerable.Range(0, 8).Select(i => $"ensemble{i}@exemple.fr").ToList();

        // The API keeps one e-mail sender for the application's lifetime: each mail must still use its own context.
        var answers = await Task.WhenAll(emails.Select(e => app.CreateClient().PostAsJsonAsync("/api/v1/auth/register", new { email = e, password = AccountSteps.Password })));

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.OK, a.StatusCode));
        Assert.All(emails, e => Assert.Equal(IdentityMailer.ConfirmationSubject, app.LastMailTo(e).Subject));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Api_registration_makes_a_member_and_mails_a_link_to_the_confirmation_page(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var api = app.CreateClient();

        var response = await api.PostAsJsonAsync("/api/v1/auth/register", new { email = "api@exemple.fr", password = AccountSteps.Password });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal([Roles.Member], await app.RolesOfAsync("api@exemple.fr"));
        Assert.Equal(app.Clock.GetUtcNow().UtcDateTime, (await app.FindUserAsync("api@exemple.fr"))!.CreatedAtUtc);
        var mail = app.LastMailTo("api@exemple.fr");
        Assert.Equal(IdentityMailer.ConfirmationSubject, mail.Subject);
        Assert.StartsWith("Bonjour,", mail.TextBody, StringComparison.Ordinal);
        var page = await app.Browser().GetDocumentAsync(AccountSteps.LinkIn(mail, "/compte/confirmer"));
        Assert.Contains("Votre adresse e-mail est confirmée", page.QuerySelector("main").Text(), StringComparison.Ordinal);

        var login = await api.PostAsJsonAsync("/api/v1/auth/login", new { email = "api@exemple.fr", password = AccountSteps.Password });
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
    }

    [Fact]
    public async Task Api_forgotten_password_mails_the_code_and_a_link_to_the_reset_page()
    {
        await using var app = await TestApp.StartAsync();
        var api = app.CreateClient();

        var response = await api.PostAsJsonAsync("/api/v1/auth/forgotPassword", new { email = TestApp.MemberEmail });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var mail = app.LastMailTo(TestApp.MemberEmail);
        Assert.Equal(IdentityMailer.ResetSubject, mail.Subject);
        var lines = mail.TextBody!.Split('\n');
        var code = lines[Array.FindIndex(lines, l => l.StartsWith("Code de réinitialisation", StringComparison.Ordinal)) + 1].Trim();
        var reset = await api.PostAsJsonAsync("/api/v1/auth/resetPassword", new { email = TestApp.MemberEmail, resetCode = code, newPassword = "un tout nouveau mot de passe" });
        Assert.Equal(HttpStatusCode.OK, reset.StatusCode);

        await api.PostAsJsonAsync("/api/v1/auth/forgotPassword", new { email = TestApp.MemberEmail });
        var link = AccountSteps.LinkIn(app.LastMailTo(TestApp.MemberEmail), "/compte/reinitialiser");
        var page = await app.Browser().GetDocumentAsync(link);
        Assert.NotNull(page.GetElementById("Input_Password"));
    }
}
