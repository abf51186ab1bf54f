using System.Text;
using Cotravail.Web.Common;
using Cotravail.Web.Common.Mail;

namespace Cotravail.Web.Features.Booking;

/// <summary>The e-mails of a booking: a confirmation carrying an .ics file, and a cancellation notice.</summary>
public sealed class BookingMailer(IMailSender mail, IEnumerable<IBookingDoorCodes> doors)
{
    public async Task SendConfirmationAsync(string to, IReadOnlyList<Booking> bookings, string host, CancellationToken ct) =>
        await mail.SendAsync(Confirmation(to, bookings, host, await DoorLinesAsync(bookings.Select(b => b.SiteId), ct)), ct);

    /// <summary>The confirmation, to the address of the account <paramref name="userId"/> (read as the mail is written).</summary>
    public async Task SendConfirmationToAccountAsync(string userId, IReadOnlyList<Booking> bookings, string host, CancellationToken ct) =>
        await mail.SendToAccountAsync(userId, Confirmation("", bookings, host, await DoorLinesAsync(bookings.Select(b => b.SiteId), ct)), ct);

    /// <summary>The confirmation of <paramref name="bookings"/>, without its address (the account's, read as it is written).</summary>
    public static OutgoingMail ConfirmationToAccount(IReadOnlyList<Booking> bookings, string host, Func<Booking, string?>? door = null) =>
        Confirmation("", bookings, host, door);

    /// <summary>The door-code line of each booking at these sites (<see cref="IBookingDoorCodes"/>), or null when none gives one.</summary>
    public async Task<Func<Booking, string?>?> DoorLinesAsync(IEnumerable<int> siteIds, CancellationToken ct)
    {
        var bySite = new Dictionary<int, Func<Booking, string?>>();
        foreach (var siteId in siteIds.Distinct())
        {
            foreach (var door in doors)
            {
                if (await door.ForSiteAsync(siteId, ct) is { } line)
                {
                    bySite[siteId] = line;
                }
            }
        }
        return bySite.Count == 0 ? null : b => bySite.TryGetValue(b.SiteId, out var line) ? line(b) : null;
    }

    private static OutgoingMail Confirmation(string to, IReadOnlyList<Booking> bookings, string host, Func<Booking, string?>? door)
    {
        ArgumentNullException.ThrowIfNull(bookings);
        var text = new StringBuilder();
        text.AppendLine("Bonjour,").AppendLine();
        text.AppendLine(bookings.Count == 1 ? "Votre réservation est confirmée :" : "Vos réservations sont confirmées :");
        foreach (var b in bookings)
        {
            text.Append("- ").AppendLine(Describe(b));
            if (door?.Invoke(b) is { } line)
            {
                text.Append("  ").AppendLine(line);
            }
        }
        text.AppendLine().AppendLine("Le fichier joint l'ajoute à votre agenda.");
        text.AppendLine("Vous pouvez annuler depuis « Mes réservations » sur Cotravail.").AppendLine().AppendLine("À bientôt !");
        var subject = bookings.Count == 1
            ? $"Réservation confirmée : {BookingCalendar.Title(bookings[0])}"
            : $"{bookings.Count} réservations confirmées";
        var ics = Encoding.UTF8.GetBytes(BookingCalendar.Write(bookings, host));
        return new OutgoingMail(to, subject, text.ToString())
        {
            Attachments = [new MailAttachment("reservation.ics", "text/calendar; charset=utf-8; method=PUBLISH", ics)],
        };
    }

    public Task SendCancellationAsync(string to, Booking booking, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(booking);
        var late = booking.Status == BookingStatus.LateCancelled
            ? "\nL'annulation est intervenue après le délai prévu : elle peut être facturée selon les règles de l'espace.\n"
            : "";
        return mail.SendAsync(new OutgoingMail(to, $"Réservation annulée : {BookingCalendar.Title(booking)}",
            $"Bonjour,\n\nVotre réservation est annulée :\n- {Describe(booking)}\n{late}\nÀ bientôt !\n"), ct);
    }

    public static string Describe(Booking b)
    {
        ArgumentNullException.ThrowIfNull(b);
        var when = b.Period is { } p
            ? $"{Format.LongDate(b.Date)}, {p.French()} ({Format.Time(b.LocalStart)} – {Format.Time(b.LocalEnd)})"
            : $"{Format.LongDate(b.Date)}, {Format.Time(b.LocalStart)} – {Format.Time(b.LocalEnd)}";
        return $"{b.Resource?.Name} à {b.Site?.Name} : {when} — {Format.Euros(b.PriceCents)}";
    }
}
