using Cotravail.Tests.Infrastructure;
using Cotravail.Web.Features.Events;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Tests.Events;

/// <summary>People registered straight in the database (no registration e-mail), and the cancellation e-mails sent.</summary>
public static class CancellationSteps
{
    /// <summary>Gives the event <paramref name="confirmed"/> places taken and <paramref name="waitlisted"/> people waiting (« Inscrit 1 »…, « Attente 1 »…).</summary>
    public static Task SeedPeopleAsync(this TestApp app, int eventId, int confirmed, int waitlisted = 0, int pending = 0, string prefix = "") =>
        app.WithDbAsync(async db =>
        {
            var e = await db.Events.SingleAsync(x => x.Id == eventId);
            var now = app.Clock.GetUtcNow().UtcDateTime;
            Registration New(string name, RegistrationStatus status, int? position) => new()
            {
                EventId = eventId, Name = name, Email = $"{prefix}{name.Replace(' ', '.').ToLowerInvariant()}@exemple.fr", Postcode = "46140",
                Status = status, WaitlistPosition = position, PriceCents = e.PriceCents, CreatedAtUtc = now,
                ConfirmedAtUtc = status == RegistrationStatus.Confirmed ? now : null,
            };
            for (var i = 1; i <= confirmed; i++)
            {
                db.EventRegistrations.Add(New($"Inscrit {i}", RegistrationStatus.Confirmed, null));
            }
            for (var i = 1; i <= waitlisted; i++)
            {
                db.EventRegistrations.Add(New($"Attente {i}", RegistrationStatus.Waitlisted, e.LastWaitlistPosition + i));
            }
            for (var i = 1; i <= pending; i++)
            {
                db.EventRegistrations.Add(New($"Sans confirmation {i}", RegistrationStatus.Pending, null));
            }
            e.Registered += confirmed;
            e.LastWaitlistPosition += waitlisted;
            await db.SaveChangesAsync();
            return 0;
        });

    /// <summary>The cancellation e-mails sent so far (an event or a coaching slot).</summary>
    public static List<MimeKit.MimeMessage> CancellationMails(this TestApp app) =>
        [.. app.Mails().Where(m => (m.Subject ?? "").StartsWith("Événement annulé", StringComparison.Ordinal) || (m.Subject ?? "").StartsWith("Rendez-vous annulé", StringComparison.Ordinal))];

    public static string To(this MimeKit.MimeMessage mail) => mail.To.Mailboxes.Single().Address;
}
