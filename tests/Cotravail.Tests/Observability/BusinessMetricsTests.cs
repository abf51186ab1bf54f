using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Cotravail.Tests.Infrastructure;
using Cotravail.Web.Common.Mail;
using Cotravail.Web.Features.Billing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using netDumbster.smtp;

namespace Cotravail.Tests.Observability;

/// <summary>
/// What an operator's monitoring reads of Cotravail's work: bookings made and refused, payments, mail sent and failed,
/// the outbox, background jobs. Each measurement says what, where and of what kind, never who.
/// </summary>
public sealed class BusinessMetricsTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Bookings_made_and_refused_are_counted_by_outcome_resource_kind_and_site(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        using var metrics = new RecordedMetrics(app);
        var member = await app.ApiClientAsync(TestApp.MemberEmail);
        var other = (await app.NewMembersAsync(1))[0];
        var room = await ResourceAsync(app, "luzech", "Salle du Barrage");
        var desks = await ResourceAsync(app, "luzech", "Espace partagé");

        Assert.Equal(HttpStatusCode.Created, (await member.PostJsonAsync("/api/v1/bookings", new { resourceId = desks, date = "2026-12-03", period = "day" })).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await member.PostJsonAsync("/api/v1/bookings", new { resourceId = room, start = "2026-12-03T10:00", end = "2026-12-03T12:00" })).StatusCode);
        var taken = await other.PostJsonAsync("/api/v1/bookings", new { resourceId = room, start = "2026-12-03T11:00", end = "2026-12-03T12:00" });
        Assert.Equal(HttpStatusCode.Conflict, taken.StatusCode);
        var twice = await member.PostJsonAsync("/api/v1/bookings", new { resourceId = desks, date = "2026-12-03", period = "morning" });
        Assert.Equal(HttpStatusCode.Conflict, twice.StatusCode);

        Assert.Equal(1, metrics.Sum("cotravail.bookings", ("outcome", "booked"), ("resource.kind", "desk_pool"), ("site", "luzech")));
        Assert.Equal(1, metrics.Sum("cotravail.bookings", ("outcome", "booked"), ("resource.kind", "meeting_room"), ("site", "luzech")));
        Assert.Equal(1, metrics.Sum("cotravail.bookings", ("outcome", "full"), ("resource.kind", "meeting_room"), ("site", "luzech")));
        Assert.Equal(1, metrics.Sum("cotravail.bookings", ("outcome", "already_booked"), ("resource.kind", "desk_pool"), ("site", "luzech")));
        Assert.Equal(4, metrics.Sum("cotravail.bookings"));
        // Three attributes, none of them a person.
        Assert.All(metrics.All.Where(m => m.Name == "cotravail.bookings"), m => Assert.Equal(["outcome", "resource.kind", "site"], m.Tags.Keys.Order()));
    }

    [Fact]
    public async Task Each_date_of_a_series_is_counted_as_a_booking()
    {
        await using var app = await TestApp.StartAsync();
        using var metrics = new RecordedMetrics(app);
        var member = await app.ApiClientAsync(TestApp.MemberEmail);
        var desks = await ResourceAsync(app, "luzech", "Espace partagé");

        var series = await member.PostJsonAsync("/api/v1/booking-series", new
        {
            resourceId = desks, period = "day", from = "2026-12-07", until = "2026-12-18", weekdays = new[] { "monday", "thursday" },
        });
        Assert.Equal(HttpStatusCode.Created, series.StatusCode);

        var booked = await app.WithDbAsync(db => db.Bookings.CountAsync());
        Assert.True(booked >= 2);
        Assert.Equal(booked, metrics.Sum("cotravail.bookings", ("outcome", "booked"), ("resource.kind", "desk_pool"), ("site", "luzech")));
    }

    [Fact]
    public async Task A_payment_is_counted_with_its_method_and_amount()
    {
        await using var app = await TestApp.StartAsync();
        using var metrics = new RecordedMetrics(app);
        var network = await app.WithDbAsync(db => db.Networks.Select(n => n.Id).SingleAsync());
        int invoice;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            invoice = (await scope.ServiceProvider.GetRequiredService<InvoiceIssuer>().IssueAsync(network,
                new ClientIdentity(null, "Sophie Martin", null, TestApp.MemberEmail), [new LineRequest("Passes", 1, 3800, 2000)], CancellationToken.None)).Id;
        }
        var host = await app.ApiClientAsync(TestApp.HostEmail);
        var site = (await app.SiteAsync("luzech")).Id;

        Assert.Equal(HttpStatusCode.Created, (await host.PostJsonAsync("/api/v1/payments", new { invoiceId = invoice, method = "cash", amountCents = 1500, siteId = site })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await host.PostJsonAsync("/api/v1/payments", new { invoiceId = invoice, method = "card", amountCents = 9999, siteId = site })).StatusCode);

        Assert.Equal(1, metrics.Sum("cotravail.payments", ("method", "cash")));
        Assert.Equal(1500, metrics.Sum("cotravail.payments.amount", ("method", "cash")));
        Assert.Equal(1, metrics.Sum("cotravail.payments")); // the refused one is not a payment
    }

    [Fact]
    public async Task Mails_sent_tried_again_and_given_up_are_counted()
    {
        var port = FreePort();
        await using var app = await TestApp.StartAsync(settings: new Dictionary<string, string?>
        {
            ["Mail:Smtp:Host"] = "127.0.0.1",
            ["Mail:Smtp:Port"] = port.ToString(CultureInfo.InvariantCulture),
            ["Mail:Dispatcher"] = "false",
        });
        using var metrics = new RecordedMetrics(app);
        var dispatcher = app.Services.GetRequiredService<MailDispatcher>();
        await SendAsync(app, "personne@exemple.fr");

        Assert.Equal(0, await dispatcher.DeliverDueAsync(CancellationToken.None)); // no server yet
        Assert.Equal(1, metrics.Sum("cotravail.mail.failed", ("outcome", "retry")));
        Assert.Equal(0, metrics.Sum("cotravail.mail.sent"));

        using var server = SimpleSmtpServer.Start(port);
        app.Clock.Advance(MailDispatcher.WaitAfter(1));
        Assert.Equal(1, await dispatcher.DeliverDueAsync(CancellationToken.None));
        Assert.Equal(1, metrics.Sum("cotravail.mail.sent"));

        await SendAsync(app, "@@"); // can never go
        Assert.Equal(0, await dispatcher.DeliverDueAsync(CancellationToken.None));
        Assert.Equal(1, metrics.Sum("cotravail.mail.failed", ("outcome", "given_up")));
        Assert.Equal(1, metrics.Sum("cotravail.mail.failed", ("outcome", "retry")));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_outbox_size_and_age_are_read_from_the_database_at_most_every_30_seconds(string provider)
    {
        await using var app = await TestApp.StartAsync(provider, new Dictionary<string, string?> { ["Mail:Dispatcher"] = "false" });
        using var metrics = new RecordedMetrics(app);
        Assert.Equal(0, metrics.Observe("cotravail.mail.outbox.size"));
        Assert.Equal(0, metrics.Observe("cotravail.mail.outbox.oldest_age"));

        await SendAsync(app, "personne@exemple.fr");
        app.Clock.Advance(TimeSpan.FromSeconds(20));
        Assert.Equal(0, metrics.Observe("cotravail.mail.outbox.size")); // read 20 s ago: not read again

        app.Clock.Advance(TimeSpan.FromSeconds(10));
        Assert.Equal(1, metrics.Observe("cotravail.mail.outbox.size"));
        Assert.Equal(30, metrics.Observe("cotravail.mail.outbox.oldest_age")!.Value, precision: 3);
        app.Clock.Advance(TimeSpan.FromSeconds(5));
        Assert.Equal(35, metrics.Observe("cotravail.mail.outbox.oldest_age")!.Value, precision: 3); // the age goes on between reads
    }

    [Fact]
    public async Task A_run_of_a_background_job_is_counted_and_timed_under_its_name()
    {
        await using var app = await TestApp.StartAsync();
        using var metrics = new RecordedMetrics(app);
        // The no-show job waits a minute on the test clock between runs.
        for (var i = 0; i < 200 && metrics.Sum("cotravail.job.runs", ("job", "NoShowWorker")) == 0; i++)
        {
            app.Clock.Advance(TimeSpan.FromMinutes(1));
            await Task.Delay(50);
        }
        Assert.True(metrics.Sum("cotravail.job.runs", ("job", "NoShowWorker"), ("outcome", "succeeded")) >= 1);
        Assert.Contains(metrics.All, m => m.Name == "cotravail.job.duration" && m.Has(("job", "NoShowWorker"), ("outcome", "succeeded")));
        Assert.Equal(0, metrics.Sum("cotravail.job.runs", ("outcome", "failed")));
    }

    private static Task SendAsync(TestApp app, string to) =>
        app.WithScopeAsync(services => services.GetRequiredService<IMailSender>().SendAsync(new OutgoingMail(to, "Bonjour", "Bonjour")));

    private static Task<int> ResourceAsync(TestApp app, string site, string name) =>
        app.WithDbAsync(db => db.Resources.Where(r => r.Site!.Slug == site && r.Name == name).Select(r => r.Id).SingleAsync());

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
