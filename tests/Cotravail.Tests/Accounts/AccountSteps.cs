using System.Text.RegularExpressions;
using AngleSharp.Dom;
using Cotravail.Tests.Infrastructure;
using Cotravail.Web.Data;
using Cotravail.Web.Features.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace Cotravail.Tests.Accounts;

/// <summary>What a person does with the account pages, and what the tests look at afterwards.</summary>
internal static partial class AccountSteps
{
    public const string Password = "une longue phrase de passe";

    public static Dictionary<string, string> RegistrationForm(
        string email, string password = Password, string? confirmation = null, string postcode = "46140", string commune = "46182") => new()
        {
            ["Input.FirstName"] = "Léa",
            ["Input.LastName"] = "Bouscarel",
            ["Input.Email"] = email,
            ["Input.Postcode"] = postcode,
            ["Input.Commune"] = commune, // Luzech, one of 46140's communes
            ["Input.Password"] = password,
            ["Input.ConfirmPassword"] = confirmation ?? password,
        };

    public static Task<HttpResponseMessage> RegisterAsync(this HttpClient client, string email, string password = Password) =>
        client.SubmitFormAsync("/compte/inscription", RegistrationForm(email, password));

    public static Task<HttpResponseMessage> LogInAsync(this HttpClient client, string email, string password, string page = "/compte/connexion") =>
        client.SubmitFormAsync(page, new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = password });

    /// <summary>Registers, opens the confirmation link of the e-mail: the account is ready to sign in.</summary>
    public static async Task RegisterAndConfirmAsync(this TestApp app, string email, string password = Password)
    {
        var client = app.Browser();
        Assert.Equal("/compte/inscription/verifiez-vos-mails", (await client.RegisterAsync(email, password)).Headers.Location?.OriginalString);
        await client.GetDocumentAsync(LinkIn(app.LastMailTo(email), "/compte/confirmer"));
    }

    public static IReadOnlyList<MimeMessage> MailsTo(this TestApp app, string email) =>
        [.. app.Mails().Where(m => m.To.Mailboxes.Any(b => string.Equals(b.Address, email, StringComparison.OrdinalIgnoreCase)))];

    public static MimeMessage LastMailTo(this TestApp app, string email) =>
        app.MailsTo(email) is { Count: > 0 } mails ? mails[^1] : throw new InvalidOperationException($"No mail to {email}.");

    /// <summary>The link to <paramref name="path"/> that stands alone on a line of the text body, as a path and query.</summary>
    public static string LinkIn(MimeMessage mail, string path)
    {
        var line = (mail.TextBody ?? "").Split('\n').Select(l => l.Trim())
            .Single(l => AbsoluteUrl().IsMatch(l) && new Uri(l).AbsolutePath == path);
        return new Uri(line).PathAndQuery;
    }

    /// <summary>The message next to a field (the span of <c>asp-validation-for</c>).</summary>
    public static string ErrorFor(this IDocument page, string field) =>
        page.QuerySelector($"[data-valmsg-for='{field}']").Text();

    public static async Task<AppUser?> FindUserAsync(this TestApp app, string email)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>().FindByEmailAsync(email);
    }

    public static async Task<IList<string>> RolesOfAsync(this TestApp app, string email)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        return await users.GetRolesAsync(await users.FindByEmailAsync(email) ?? throw new InvalidOperationException(email));
    }

    public static async Task<int> CountUsersAsync(this TestApp app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().Users.CountAsync();
    }

    [GeneratedRegex(@"^https?://\S+$")]
    private static partial Regex AbsoluteUrl();
}
