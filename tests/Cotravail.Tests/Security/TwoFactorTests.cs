using System.Net;
using Cotravail.Tests.Accounts;
using Cotravail.Tests.Infrastructure;

namespace Cotravail.Tests.Security;

public sealed class TwoFactorTests
{
    [Fact]
    public async Task A_member_turns_two_factor_authentication_on_with_the_key_as_text_and_QR_code_then_signs_in_with_a_code()
    {
        await using var app = await TestApp.StartAsync();
        var client = app.Browser();
        await client.LogInAsync(TestApp.MemberEmail, TestApp.DemoPassword);

        var status = await client.GetDocumentAsync("/compte/double-authentification");
        Assert.Equal("La double authentification n'est pas activée.", status.QuerySelector("#etat").Text());

        var page = await client.GetDocumentAsync(TwoFactorSteps.EnablePage);
        var key = page.QuerySelector("#cle").Text();
        Assert.Matches("^([a-z2-7]{4} )+[a-z2-7]{1,4}$", key);
        var qr = page.QuerySelector("img.qr")!;
        Assert.StartsWith("data:image/svg+xml;base64,", qr.GetAttribute("src"), StringComparison.Ordinal);
        Assert.False(string.IsNullOrWhiteSpace(qr.GetAttribute("alt")));

        var wrong = await (await client.SubmitFormAsync(TwoFactorSteps.EnablePage, new Dictionary<string, string> { ["Code"] = app.WrongCode(key) })).ParseAsync();
        Assert.StartsWith("Ce code n'est pas le bon.", wrong.ErrorFor("Code"), StringComparison.Ordinal);
        Assert.False((await app.FindUserAsync(TestApp.MemberEmail))!.TwoFactorEnabled);

        var (_, codes) = await client.EnableTwoFactorAsync(app);
        Assert.True((await app.FindUserAsync(TestApp.MemberEmail))!.TwoFactorEnabled);
        Assert.All(codes, c => Assert.Matches("^[A-Z0-9]{5}-[A-Z0-9]{5}$", c));
        // Shown once: the status page gives only how many are left.
        var after = await client.GetDocumentAsync("/compte/double-authentification");
        Assert.Contains("Codes de secours restants : 10.", after.QuerySelector("#etat").Text(), StringComparison.Ordinal);
        Assert.Null(after.QuerySelector("#codes-de-secours"));

        // Signing in now takes the password, then the code.
        var phone = app.Browser();
        var first = await phone.LogInAsync(TestApp.MemberEmail, TestApp.DemoPassword);
        Assert.StartsWith(TwoFactorSteps.SecondStep, first.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await phone.GetAsync(new Uri("/mes-reservations", UriKind.Relative))).StatusCode);
        var bad = await (await phone.SubmitFormAsync(first.Headers.Location.OriginalString, new Dictionary<string, string> { ["Code"] = app.WrongCode(key) })).ParseAsync();
        Assert.StartsWith("Ce code n'est pas valide.", bad.ErrorFor("Code"), StringComparison.Ordinal);
        var good = await phone.SubmitFormAsync(first.Headers.Location.OriginalString, new Dictionary<string, string> { ["Code"] = app.CodeNow(key) });
        Assert.Equal("/mon-espace", good.Headers.Location?.OriginalString);
        await phone.GetDocumentAsync("/mes-reservations");
    }

    [Fact]
    public async Task A_recovery_code_signs_in_once()
    {
        await using var app = await TestApp.StartAsync();
        var client = app.Browser();
        await client.LogInAsync(TestApp.MemberEmail, TestApp.DemoPassword);
        var (_, codes) = await client.EnableTwoFactorAsync(app);

        var used = await app.Browser().LogInWithCodeAsync(TestApp.MemberEmail, codes[3].ToLowerInvariant());
        Assert.Equal("/mon-espace", used.Headers.Location?.OriginalString);

        var again = await app.Browser().LogInWithCodeAsync(TestApp.MemberEmail, codes[3]);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.StartsWith("Ce code n'est pas valide.", (await again.ParseAsync()).ErrorFor("Code"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task New_recovery_codes_replace_the_old_ones_and_turning_it_off_signs_in_with_the_password_alone()
    {
        await using var app = await TestApp.StartAsync();
        var client = app.Browser();
        await client.LogInAsync(TestApp.MemberEmail, TestApp.DemoPassword);
        var (_, old) = await client.EnableTwoFactorAsync(app);

        var regenerated = await (await client.SubmitFormAsync("/compte/double-authentification", new Dictionary<string, string>(), "form[action$='handler=Codes']")).ParseAsync();
        var fresh = regenerated.QuerySelectorAll("#codes-de-secours li").Select(li => li.Text()).ToList();
        Assert.Equal(10, fresh.Count);
        Assert.Empty(fresh.Intersect(old));
        Assert.Equal(HttpStatusCode.OK, (await app.Browser().LogInWithCodeAsync(TestApp.MemberEmail, old[0])).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await app.Browser().LogInWithCodeAsync(TestApp.MemberEmail, fresh[0])).StatusCode);

        var off = await client.SubmitFormAsync("/compte/double-authentification", new Dictionary<string, string>(), "form[action$='handler=Disable']");
        Assert.Equal(HttpStatusCode.Redirect, off.StatusCode);
        var page = await client.GetDocumentAsync(off.Headers.Location!.OriginalString);
        Assert.Equal("La double authentification est désactivée.", page.QuerySelector("main .notice").Text());
        Assert.Equal("/mon-espace", (await app.Browser().LogInAsync(TestApp.MemberEmail, TestApp.DemoPassword)).Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Through_the_API_an_account_with_two_factor_authentication_needs_the_code_too()
    {
        await using var app = await TestApp.StartAsync();
        var client = app.Browser();
        await client.LogInAsync(TestApp.MemberEmail, TestApp.DemoPassword);
        var (key, _) = await client.EnableTwoFactorAsync(app);

        var api = app.CreateClient();
        var without = await api.PostJsonAsync("/api/v1/auth/login", new { email = TestApp.MemberEmail, password = TestApp.DemoPassword });
        Assert.Equal(HttpStatusCode.Unauthorized, without.StatusCode);
        var problem = await without.JsonAsync();
        Assert.Equal("Code de vérification requis.", problem.GetProperty("title").GetString());
        Assert.Contains("twoFactorCode", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);

        var with = await api.PostJsonAsync("/api/v1/auth/login", new { email = TestApp.MemberEmail, password = TestApp.DemoPassword, twoFactorCode = app.CodeNow(key) });
        Assert.Equal(HttpStatusCode.OK, with.StatusCode);
        Assert.False(string.IsNullOrEmpty((await with.JsonAsync()).GetProperty("accessToken").GetString()));
    }

    [Fact]
    public async Task An_authenticator_code_signs_in_once_on_the_page_and_through_the_API()
    {
        await using var app = await TestApp.StartAsync();
        var client = app.Browser();
        await client.LogInAsync(TestApp.MemberEmail, TestApp.DemoPassword);
        var (key, _) = await client.EnableTwoFactorAsync(app);
        var code = app.CodeNow(key);

        Assert.Equal("/mon-espace", (await app.Browser().LogInWithCodeAsync(TestApp.MemberEmail, code)).Headers.Location?.OriginalString);

        // The same code a few seconds later, on the page or through the API: refused.
        app.Clock.Advance(TimeSpan.FromSeconds(5));
        var again = await app.Browser().LogInWithCodeAsync(TestApp.MemberEmail, code);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.StartsWith("Ce code n'est pas valide.", (await again.ParseAsync()).ErrorFor("Code"), StringComparison.Ordinal);
        var api = await app.CreateClient().PostJsonAsync("/api/v1/auth/login", new { email = TestApp.MemberEmail, password = TestApp.DemoPassword, twoFactorCode = code });
        Assert.Equal(HttpStatusCode.Unauthorized, api.StatusCode);

        // The app's next code signs in, once; the one before it no more.
        app.Clock.Advance(TimeSpan.FromSeconds(30));
        var next = app.CodeNow(key);
        Assert.Equal(HttpStatusCode.OK, (await app.CreateClient().PostJsonAsync("/api/v1/auth/login", new { email = TestApp.MemberEmail, password = TestApp.DemoPassword, twoFactorCode = next })).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.CreateClient().PostJsonAsync("/api/v1/auth/login", new { email = TestApp.MemberEmail, password = TestApp.DemoPassword, twoFactorCode = next })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await app.Browser().LogInWithCodeAsync(TestApp.MemberEmail, code)).StatusCode);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Of_five_sign_ins_at_once_with_the_same_code_one_gets_in(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var client = app.Browser();
        await client.LogInAsync(TestApp.MemberEmail, TestApp.DemoPassword);
        var (key, _) = await client.EnableTwoFactorAsync(app);
        var code = app.CodeNow(key);

        var answers = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ =>
            app.CreateClient().PostJsonAsync("/api/v1/auth/login", new { email = TestApp.MemberEmail, password = TestApp.DemoPassword, twoFactorCode = code })));

        Assert.Single(answers, a => a.StatusCode == HttpStatusCode.OK);
        Assert.All(answers.Where(a => a.StatusCode != HttpStatusCode.OK), a => Assert.Equal(HttpStatusCode.Unauthorized, a.StatusCode));
    }

    [Fact]
    public async Task Wrong_codes_at_the_second_step_lock_the_account()
    {
        await using var app = await TestApp.StartAsync();
        var client = app.Browser();
        await client.LogInAsync(TestApp.MemberEmail, TestApp.DemoPassword);
        var (key, _) = await client.EnableTwoFactorAsync(app);

        var phone = app.Browser();
        var first = await phone.LogInAsync(TestApp.MemberEmail, TestApp.DemoPassword);
        var step = first.Headers.Location!.OriginalString;
        string? last = null;
        for (var i = 0; i < 5; i++)
        {
            last = (await (await phone.SubmitFormAsync(step, new Dictionary<string, string> { ["Code"] = app.WrongCode(key) })).ParseAsync()).QuerySelector("main .alert").Text();
        }
        Assert.Contains("Ce compte est verrouillé pendant 15 minutes", last, StringComparison.Ordinal);
        var right = await phone.SubmitFormAsync(step, new Dictionary<string, string> { ["Code"] = app.CodeNow(key) });
        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
    }
}

public sealed class SecurityLinksTests
{
    [Fact]
    public async Task My_account_leads_to_two_factor_authentication_and_the_managers_menu_to_the_audit_log()
    {
        await using var app = await TestApp.StartAsync();
        var manager = app.Browser();
        await manager.LogInAsync(TestApp.ManagerEmail, TestApp.DemoPassword);
        var account = await manager.GetDocumentAsync("/compte");
        Assert.NotNull(account.QuerySelector("main a[href='/compte/double-authentification']"));
        Assert.NotNull(account.QuerySelector("header a[href='/gestion/journal']"));

        var member = app.Browser();
        await member.LogInAsync(TestApp.MemberEmail, TestApp.DemoPassword);
        Assert.Null((await member.GetDocumentAsync("/compte")).QuerySelector("header a[href='/gestion/journal']"));
    }
}
