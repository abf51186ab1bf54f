using Cotravail.Tests.Infrastructure;
using Cotravail.Web.Features.Accounts;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Tests.Accounts;

/// <summary>What a member does on « Mon compte » (<c>/compte</c>), and how the tests read the account back.</summary>
internal static class MyAccountSteps
{
    public const string EmailForm = "form[action*='handler=Email']";

    /// <summary>The details form as a browser posts it: every field, the boxes ticked or not.</summary>
    public static Dictionary<string, string> Details(
        string first = "Camille", string last = "Delpech", string phone = "", string postcode = "", string commune = "", string language = "fr",
        bool reminders = true, bool digest = false, bool news = false) => new()
        {
            ["Input.FirstName"] = first, ["Input.LastName"] = last, ["Input.Phone"] = phone, ["Input.Postcode"] = postcode,
            ["Input.Commune"] = commune, ["Input.Language"] = language,
            ["Input.WantsReminders"] = reminders ? "true" : "false", ["Input.WantsDigest"] = digest ? "true" : "false",
            ["Input.WantsNews"] = news ? "true" : "false",
        };

    public static Dictionary<string, string> NewEmail(string email, string password = TestApp.DemoPassword) => new()
    {
        ["Email.NewEmail"] = email, ["Email.Password"] = password,
    };

    /// <summary>A new member signed in with a browser.</summary>
    public static async Task<(AppUser User, HttpClient Browser)> SignedInMemberAsync(this TestApp app, string email)
    {
        var user = await app.CreateUserAsync(email);
        var browser = app.Browser();
        await browser.SignInAsync(email);
        return (user, browser);
    }

    public static Task<AppUser> AccountAsync(this TestApp app, string userId) =>
        app.WithDbAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.Id == userId));
}
