using Cotravail.Web.Features.Billing;
using Cotravail.Web.Features.Billing.Dunning;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Cotravail.Tests.Production;

/// <summary>Two instances on one PostgreSQL: a payment reminder their jobs both see goes out once.</summary>
public sealed class DunningAcrossInstancesTests(TwoInstances cluster) : IClassFixture<TwoInstances>
{
    [PostgresFact]
    public async Task A_reminder_due_on_both_instances_is_sent_once_even_when_many_runs_race()
    {
        Invoice invoice;
        await using (var scope = cluster.A.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<Cotravail.Web.Data.AppDbContext>();
            var member = await db.Users.SingleAsync(u => u.Email == Infrastructure.TestApp.MemberEmail);
            var network = await db.Networks.Select(n => n.Id).FirstAsync();
            invoice = await scope.ServiceProvider.GetRequiredService<InvoiceIssuer>().IssueAsync(
                network, new ClientIdentity(member.Id, member.DisplayName, null, member.Email), [new LineRequest("Pass journée", 1, 1500, 0)], CancellationToken.None);
        }
        // Due date + 7 days: the jobs of both instances wake up, and twelve more runs race them for the same reminder.
        cluster.Clock.SetUtcNow(new DateTimeOffset(invoice.DueDate.AddDays(7).ToDateTime(new TimeOnly(8, 0)), TimeSpan.Zero));
        using var go = new ManualResetEventSlim();
        var runs = Enumerable.Range(0, 12).Select(i => Task.Run(async () =>
        {
            go.Wait();
            await using var scope = cluster.Both[i % 2].Services.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<PaymentReminders>().SendDueAsync(CancellationToken.None);
        })).ToList();
        go.Set();
        var sent = await Task.WhenAll(runs);
        Assert.InRange(sent.Sum(), 0, 1);
        for (var i = 0; i < 300 && await cluster.WithDbAsync(db => db.InvoiceReminders.CountAsync()) == 0; i++)
        {
            await Task.Delay(100);
        }
        await Task.Delay(500); // let the jobs of both instances finish their runs
        Assert.Equal(1, await cluster.WithDbAsync(db => db.InvoiceReminders.CountAsync(r => r.InvoiceId == invoice.Id)));
        Assert.Single(cluster.Mails(), m => (m.Subject ?? "").StartsWith("Rappel", StringComparison.Ordinal) && (m.Subject ?? "").Contains(invoice.Number, StringComparison.Ordinal));
    }
}
