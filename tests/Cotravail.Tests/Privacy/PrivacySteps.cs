using System.Net;
using Cotravail.Tests.Booking;
using Cotravail.Tests.Infrastructure;
using Cotravail.Web.Features.Billing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Cotravail.Tests.Privacy;

internal static class PrivacySteps
{
    public static readonly Dictionary<string, string?> NoWorkers = new()
    {
        ["Privacy:Retention"] = "false", ["Events:Reminders"] = "false", ["Reception:NoShows"] = "false",
    };

    public static async Task<int> BookAsync(this TestApp app, HttpClient member, string date, string period = "day")
    {
        var desks = await app.ResourceAsync("luzech", "Espace partagé");
        var response = await member.PostJsonAsync("/api/v1/bookings", new { resourceId = desks, date, period });
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.JsonAsync()).GetProperty("id").GetInt32();
    }

    public static async Task<Invoice> InvoiceAsync(this TestApp app, string userId, string name)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var network = await scope.ServiceProvider.GetRequiredService<Cotravail.Web.Data.AppDbContext>().Networks.Select(n => n.Id).FirstAsync();
        return await scope.ServiceProvider.GetRequiredService<InvoiceIssuer>().IssueAsync(network,
            new ClientIdentity(userId, name, "3 rue du Port, 46140 Luzech", "membre@cotravail.test"),
            [new LineRequest("Pass journée", 1, 1500, 2000)], CancellationToken.None);
    }

    public static Task<string> UserIdAsync(this TestApp app, string email) =>
        app.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());
}
