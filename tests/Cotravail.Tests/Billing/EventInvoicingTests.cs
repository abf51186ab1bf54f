using Cotravail.Tests.Events;
using Cotravail.Tests.Infrastructure;
using Cotravail.Web.Features.Billing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Cotravail.Tests.Billing;

public sealed class EventInvoicingTests
{
    [Fact]
    public async Task Paid_events_are_invoiced_once_to_those_who_held_a_place()
    {
        await using var app = await TestApp.StartAsync(settings: new Dictionary<string, string?> { ["Events:Reminders"] = "false" });
        var paid = await app.CreateEventAsync(capacity: 1, title: "Formation comptabilité", priceCents: 2500);
        var free = await app.CreateEventAsync(capacity: 5, title: "Café des membres");
        var members = await app.NewMembersAsync(2);
        foreach (var m in members)
        {
            await m.PostJsonAsync($"/api/v1/events/{paid}/registrations", new { }); // the second waits: not charged
            await m.PostJsonAsync($"/api/v1/events/{free}/registrations", new { });
        }
        app.Clock.SetUtcNow(new DateTimeOffset(2027, 1, 2, 9, 0, 0, TimeSpan.Zero));
        var network = await app.WithDbAsync(db => db.Networks.Select(n => n.Id).SingleAsync());

        await using var scope = app.Services.CreateAsyncScope();
        var invoicing = scope.ServiceProvider.GetRequiredService<EventInvoicing>();
        var invoice = Assert.Single(await invoicing.RunAsync(network, 2026, 12, CancellationToken.None));
        Assert.Empty(await invoicing.RunAsync(network, 2026, 12, CancellationToken.None));

        Assert.Equal(2500, invoice.TotalInclTaxCents);
        Assert.StartsWith("Formation comptabilité – Tiers-lieu de Luzech – 10/12/2026", invoice.Lines.Single().Description, StringComparison.Ordinal);
    }
}
