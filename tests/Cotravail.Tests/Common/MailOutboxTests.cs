using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Cotravail.Tests.Infrastructure;
using Cotravail.Web.Common.Mail;
using Cotravail.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using netDumbster.smtp;

namespace Cotravail.Tests.Common;

/// <summary>E-mails go through the outbox: the request does not wait for the SMTP server, and a server away loses nothing.</summary>
public sealed class MailOutboxTests
{
    [Fact]
    public void A_failed_mail_waits_four_times_longer_each_time_up_to_twelve_hours()
    {
        Assert.Equal(TimeSpan.FromMinutes(1), MailDispatcher.WaitAfter(1));
        Assert.Equal(TimeSpan.FromMinutes(4), MailDispatcher.WaitAfter(2));
        Assert.Equal(TimeSpan.FromMinutes(64), MailDispatcher.WaitAfter(4));
        Assert.Equal(TimeSpan.FromHours(12), MailDispatcher.WaitAfter(7));
        Assert.Equal(TimeSpan.FromHours(12), MailDispatcher.WaitAfter(9));
    }

    [Fact]
    public async Task A_booking_made_while_the_SMTP_server_is_away_is_confirmed_by_mail_once_the_server_is_back()
    {
        var port = FreePort();
        await using var app = await WithSmtpAsync(port);
        var member = await app.ApiClientAsync(TestApp.MemberEmail);
        var desks = await app.WithDbAsync(db => db.Resources.Where(r => r.Site!.Slug == "luzech" && r.Kind == Cotravail.Web.Features.Sites.ResourceKind.DeskPool).Select(r => r.Id).SingleAsync());

        var created = await member.PostJsonAsync("/api/v1/bookings", new { resourceId = desks, date = "2026-12-03", period = "day" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);

        // No server: the mail stays, tried once, due again a minute later.
        Assert.Equal(0, await DeliverAsync(app));
        var waiting = Assert.Single(await app.WithDbAsync(db => db.OutboxMails.AsNoTracking().ToListAsync()));
        Assert.Equal(TestApp.MemberEmail, waiting.To);
        Assert.Equal(1, waiting.Attempts);
        Assert.Equal(app.Clock.GetUtcNow().UtcDateTime.AddMinutes(1), waiting.DueAtUtc);
        Assert.False(string.IsNullOrEmpty(waiting.LastError));

        Assert.Equal(0, await DeliverAsync(app)); // not due again yet: not tried again
        Assert.Equal(1, (await app.WithDbAsync(db => db.OutboxMails.AsNoTracking().SingleAsync())).Attempts);

        // Shown on /health once a mail has waited a quarter of an hour: still 200, the instance keeps serving.
        using var anonymous = app.CreateClient();
        Assert.Equal("Healthy", await anonymous.GetStringAsync(new Uri("/health", UriKind.Relative)));
        app.Clock.Advance(TimeSpan.FromMinutes(16));
        Assert.Equal("Degraded", await anonymous.GetStringAsync(new Uri("/health", UriKind.Relative)));

        using var server = SimpleSmtpServer.Start(port);
        Assert.True(await DeliverAsync(app) >= 1); // (with whatever the background jobs wrote in those minutes)

        var message = Assert.Single(
            server.ReceivedEmail.Select(m => MimeKit.MimeMessage.Load(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(m.Data)))),
            m => (m.Subject ?? "").StartsWith("Réservation confirmée", StringComparison.Ordinal));
        Assert.Equal(TestApp.MemberEmail, message.To.Mailboxes.Single().Address);
        Assert.Contains(message.Attachments.OfType<MimeKit.MimePart>(), a => a.FileName == "reservation.ics");
        Assert.Empty(await app.WithDbAsync(db => db.OutboxMails.ToListAsync()));
        Assert.Equal("Healthy", await anonymous.GetStringAsync(new Uri("/health", UriKind.Relative)));
    }

    [Fact]
    public async Task Several_mails_go_out_in_one_run_and_each_once()
    {
        var port = FreePort();
        using var server = SimpleSmtpServer.Start(port);
        await using var app = await WithSmtpAsync(port);
        await app.WithScopeAsync(async services =>
        {
            var mail = services.GetRequiredService<IMailSender>();
            for (var i = 0; i < 5; i++)
            {
                await mail.SendAsync(new OutgoingMail($"personne{i}@exemple.fr", $"Message {i}", "Bonjour"));
            }
        });

        Assert.Equal(5, await DeliverAsync(app));
        Assert.Equal(0, await DeliverAsync(app));
        Assert.Equal(5, server.ReceivedEmailCount);
        Assert.Equal(
            Enumerable.Range(0, 5).Select(i => $"personne{i}@exemple.fr"),
            server.ReceivedEmail.Select(m => m.ToAddresses.Single().Address).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_mail_that_never_goes_through_is_given_up_after_ten_tries()
    {
        await using var app = await WithSmtpAsync(FreePort());
        await app.WithScopeAsync(services => services.GetRequiredService<IMailSender>().SendAsync(new OutgoingMail("personne@exemple.fr", "Bonjour", "Bonjour")));

        for (var attempt = 1; attempt < MailDispatcher.MaxAttempts; attempt++)
        {
            Assert.Equal(0, await DeliverAsync(app));
            // (the clock moves on by days: other jobs may write mails of their own)
            var row = await app.WithDbAsync(db => db.OutboxMails.AsNoTracking().SingleAsync(m => m.To == "personne@exemple.fr"));
            Assert.Equal(attempt, row.Attempts);
            app.Clock.Advance(MailDispatcher.WaitAfter(attempt));
        }
        Assert.Equal(0, await DeliverAsync(app));
        Assert.False(await app.WithDbAsync(db => db.OutboxMails.AnyAsync(m => m.To == "personne@exemple.fr")));
    }

    [Fact]
    public async Task A_mail_to_an_address_that_cannot_be_read_is_given_up_at_once()
    {
        var port = FreePort();
        using var server = SimpleSmtpServer.Start(port);
        await using var app = await WithSmtpAsync(port);
        await app.WithScopeAsync(services => services.GetRequiredService<IMailSender>().SendAsync(new OutgoingMail("@@", "Bonjour", "Bonjour")));

        Assert.Equal(0, await DeliverAsync(app));
        Assert.Equal(0, server.ReceivedEmailCount);
        Assert.False(await app.WithDbAsync(db => db.OutboxMails.AnyAsync(m => m.To == "@@")));
    }

    [Fact]
    public async Task Mail_that_nobody_sends_for_a_quarter_of_an_hour_shows_on_health()
    {
        await using var app = await WithSmtpAsync(FreePort()); // the background dispatcher is off here
        await app.WithScopeAsync(services => services.GetRequiredService<IMailSender>().SendAsync(new OutgoingMail("personne@exemple.fr", "Bonjour", "Bonjour")));
        using var client = app.CreateClient();

        app.Clock.Advance(TimeSpan.FromMinutes(14));
        Assert.Equal("Healthy", await client.GetStringAsync(new Uri("/health", UriKind.Relative)));
        app.Clock.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal("Degraded", await client.GetStringAsync(new Uri("/health", UriKind.Relative)));
    }

    [Fact]
    public async Task Mails_waiting_for_an_account_that_is_erased_are_not_sent_only_the_farewell()
    {
        await using var app = await WithSmtpAsync(FreePort());
        await app.WithScopeAsync(services => services.GetRequiredService<IMailSender>().SendAsync(new OutgoingMail(TestApp.MemberEmail, "Message en attente", "Bonjour")));
        var userId = await app.WithDbAsync(db => db.Users.Where(u => u.Email == TestApp.MemberEmail).Select(u => u.Id).SingleAsync());

        await app.WithScopeAsync(async services => Assert.Equal(
            Cotravail.Web.Features.Privacy.EraseOutcome.Erased,
            (await services.GetRequiredService<Cotravail.Web.Features.Privacy.AccountEraser>().EraseAsync(userId, byRetention: false, CancellationToken.None)).Outcome));

        var waiting = await app.WithDbAsync(db => db.OutboxMails.AsNoTracking().Where(m => m.To == TestApp.MemberEmail).ToListAsync());
        var farewell = Assert.Single(waiting);
        Assert.DoesNotContain("Message en attente", farewell.Payload, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_mail_written_in_work_that_is_undone_is_never_sent(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await app.WithScopeAsync(async services =>
        {
            var db = services.GetRequiredService<AppDbContext>();
            var mail = services.GetRequiredService<IMailSender>();
            using (var gate = await WriteGate.EnterAsync(db, CancellationToken.None))
            {
                await using var tx = await db.Database.BeginTransactionAsync();
                await mail.SendAsync(new OutgoingMail("annule@exemple.fr", "Jamais envoyé", "Bonjour"));
                await tx.RollbackAsync();
            }
            await mail.SendAsync(new OutgoingMail("garde@exemple.fr", "Envoyé", "Bonjour"));
        });

        Assert.Equal(["Envoyé"], app.Mails().Select(m => m.Subject));
    }

    private static Task<TestApp> WithSmtpAsync(int port) => TestApp.StartAsync(settings: new Dictionary<string, string?>
    {
        ["Mail:Smtp:Host"] = "127.0.0.1",
        ["Mail:Smtp:Port"] = port.ToString(CultureInfo.InvariantCulture),
        // The test runs the dispatcher itself, one run at a time, instead of its background loop.
        ["Mail:Dispatcher"] = "false",
    });

    private static Task<int> DeliverAsync(TestApp app) =>
        app.Services.GetRequiredService<MailDispatcher>().DeliverDueAsync(CancellationToken.None);

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
