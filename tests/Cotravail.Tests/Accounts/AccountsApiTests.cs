using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Cotravail.Tests.Infrastructure;
using Cotravail.Web.Features.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

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

    [Fact]
    public async Task Api_registration_with_an_address_that_has_an_account_answers_as_for_a_new_one_and_mails_the_owner()
    {
        await using var app = await TestApp.StartAsync();
        var api = app.CreateClient();
        var fresh = await api.PostAsJsonAsync("/api/v1/auth/register", new { email = "nouvelle@exemple.fr", password = AccountSteps.Password });
        var before = await app.CountUsersAsync();

        var taken = await api.PostAsJsonAsync("/api/v1/auth/register", new { email = TestApp.MemberEmail.ToUpperInvariant(), password = AccountSteps.Password });

        Assert.Equal((fresh.StatusCode, await fresh.Content.ReadAsStringAsync()), (taken.StatusCode, await taken.Content.ReadAsStringAsync()));
        Assert.Equal(before, await app.CountUsersAsync());
        var mail = app.LastMailTo(TestApp.MemberEmail);
        Assert.Equal(IdentityMailer.AlreadyRegisteredSubject, mail.Subject);
        Assert.Equal("/compte/mot-de-passe-oublie", AccountSteps.LinkIn(mail, "/compte/mot-de-passe-oublie"));
        Assert.Equal(HttpStatusCode.OK, (await api.PostAsJsonAsync("/api/v1/auth/login", new { email = TestApp.MemberEmail, password = TestApp.DemoPassword })).StatusCode);

        // Not confirmed yet: a new confirmation link. A password too short: refused in the same words as for a new address.
        Assert.Equal(HttpStatusCode.OK, (await api.PostAsJsonAsync("/api/v1/auth/register", new { email = "nouvelle@exemple.fr", password = "une autre phrase de passe" })).StatusCode);
        Assert.All(app.MailsTo("nouvelle@exemple.fr"), m => Assert.Equal(IdentityMailer.ConfirmationSubject, m.Subject));
        Assert.Equal(2, app.MailsTo("nouvelle@exemple.fr").Count);
        var shortForNew = await api.PostAsJsonAsync("/api/v1/auth/register", new { email = "autre@exemple.fr", password = "court" });
        var shortForTaken = await api.PostAsJsonAsync("/api/v1/auth/register", new { email = TestApp.MemberEmail, password = "court" });
        Assert.Equal(HttpStatusCode.BadRequest, shortForTaken.StatusCode);
        Assert.Equal((await shortForNew.JsonAsync()).GetProperty("errors").ToString(), (await shortForTaken.JsonAsync()).GetProperty("errors").ToString());
    }

    [Fact]
    public async Task Api_sign_in_answers_the_same_for_an_unknown_address_a_wrong_password_and_an_unconfirmed_account()
    {
        await using var app = await TestApp.StartAsync();
        var api = app.CreateClient();
        await api.PostAsJsonAsync("/api/v1/auth/register", new { email = "lea@exemple.fr", password = AccountSteps.Password });

        var answers = new List<(HttpStatusCode, string?)>();
        foreach (var (email, password) in new[]
        {
            ("personne@exemple.fr", TestApp.DemoPassword),
            (TestApp.MemberEmail, "pas le bon mot de passe"),
            ("lea@exemple.fr", "pas le bon mot de passe"),
            ("lea@exemple.fr", AccountSteps.Password),
        })
        {
            var response = await api.PostAsJsonAsync("/api/v1/auth/login", new { email, password });
            var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
            answers.Add((response.StatusCode, problem.GetProperty("title").GetString() + " / " + problem.GetProperty("detail").GetString()));
        }

        Assert.Equal((HttpStatusCode.Unauthorized, "Authentification requise. / Failed"), Assert.Single(answers.Distinct()));
        // The right password of the unconfirmed account sent a new confirmation link.
        Assert.Equal(2, app.MailsTo("lea@exemple.fr").Count);
    }

    [Fact]
    public async Task An_unknown_address_costs_a_password_check_as_a_known_one_does_on_the_page_and_through_the_API()
    {
        await using var first = await TestApp.StartAsync();
        var hasher = new CountingHasher();
        await using var app = first.WithWebHostBuilder(b => b.ConfigureServices(s => s.AddSingleton<IPasswordHasher<AppUser>>(sp =>
            hasher.Wrapping(new PasswordHasher<AppUser>(sp.GetRequiredService<IOptions<PasswordHasherOptions>>())))));
        var api = app.CreateClient();
        var browser = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var before = hasher.Verifications;
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.PostAsJsonAsync("/api/v1/auth/login", new { email = "personne@exemple.fr", password = "une phrase au hasard" })).StatusCode);
        Assert.True(hasher.Verifications > before, "no password was checked for an unknown address (API)");

        before = hasher.Verifications;
        var page = await browser.LogInAsync("personne@exemple.fr", "une phrase au hasard");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.True(hasher.Verifications > before, "no password was checked for an unknown address (page)");

        // An account not confirmed yet: its password is checked too.
        await api.PostAsJsonAsync("/api/v1/auth/register", new { email = "lea@exemple.fr", password = AccountSteps.Password });
        before = hasher.Verifications;
        await api.PostAsJsonAsync("/api/v1/auth/login", new { email = "lea@exemple.fr", password = "pas le bon mot de passe" });
        Assert.True(hasher.Verifications > before, "no password was checked for an unconfirmed account (API)");
    }

    /// <summary>Counts the password checks of the app's hasher.</summary>
    private sealed class CountingHasher
    {
        private int _verifications;

        public int Verifications => Volatile.Read(ref _verifications);

        public IPasswordHasher<AppUser> Wrapping(IPasswordHasher<AppUser> inner) => new Counted(inner, this);

        private sealed class Counted(IPasswordHasher<AppUser> inner, CountingHasher counts) : IPasswordHasher<AppUser>
        {
            public string HashPassword(AppUser user, string password) => inner.HashPassword(user, password);

            public PasswordVerificationResult VerifyHashedPassword(AppUser user, string hashedPassword, string providedPassword)
            {
                Interlocked.Increment(ref counts._verifications);
                return inner.VerifyHashedPassword(user, hashedPassword, providedPassword);
            }
        }
    }
}
