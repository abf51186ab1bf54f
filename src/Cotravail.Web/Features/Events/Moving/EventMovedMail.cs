using System.Globalization;
using Cotravail.Web.Common;
using Cotravail.Web.Common.Mail;

namespace Cotravail.Web.Features.Events.Moving;

/// <summary>
/// The e-mails of a move, in French whatever the host's language, dates in the site's time zone: to each person holding
/// a place (old and new date, « Je confirme » and « Je ne peux plus venir »), to each person waiting, and to a person
/// whose place went back to the waitlist because they did not answer in time.
/// </summary>
public static class EventMovedMail
{
    public static OutgoingMail ToRegistrant(Registration r, Event moved, string oldWhen, string confirmUrl, string declineUrl, string eventUrl)
    {
        ArgumentNullException.ThrowIfNull(r);
        ArgumentNullException.ThrowIfNull(moved);
        return InFrench(() => new MailText()
            .Paragraph($"Bonjour {r.Name},")
            .Paragraph($"L'événement « {moved.Title} » ({Place(moved)}) change de date.",
                $"Ancienne date : {oldWhen}", $"Nouvelle date : {EventTimes.When(moved)}")
            .Paragraph($"Votre place vous reste réservée jusqu'au {Deadline(moved)}. Dites-nous si vous venez toujours :")
            .Link("Je confirme :", confirmUrl)
            .Link("Je ne peux plus venir :", declineUrl)
            .Paragraph("Sans réponse de votre part d'ici là, votre place sera proposée à la liste d'attente.")
            .Link("Détails :", eventUrl)
            .Paragraph("À bientôt !")
            .ToMail($"Nouvelle date : {moved.Title}") with { To = r.Email });
    }

    public static OutgoingMail ToWaitlisted(Registration r, Event moved, string oldWhen, string cancelUrl, string eventUrl)
    {
        ArgumentNullException.ThrowIfNull(r);
        ArgumentNullException.ThrowIfNull(moved);
        return InFrench(() => new MailText()
            .Paragraph($"Bonjour {r.Name},")
            .Paragraph($"L'événement « {moved.Title} » ({Place(moved)}) change de date.",
                $"Ancienne date : {oldWhen}", $"Nouvelle date : {EventTimes.When(moved)}")
            .Paragraph($"Vous restez en position {r.WaitlistPosition} sur la liste d'attente. Si une place se libère, elle vous sera attribuée et vous recevrez un e-mail.")
            .Link("Si vous ne pouvez pas venir à la nouvelle date, quittez la liste d'attente :", cancelUrl)
            .Link("Détails :", eventUrl)
            .Paragraph("À bientôt !")
            .ToMail($"Nouvelle date : {moved.Title}") with { To = r.Email });
    }

    public static OutgoingMail ToReleased(Registration r, Event e, string eventUrl)
    {
        ArgumentNullException.ThrowIfNull(r);
        ArgumentNullException.ThrowIfNull(e);
        return InFrench(() => new MailText()
            .Paragraph($"Bonjour {r.Name},")
            .Paragraph($"L'événement « {e.Title} » a changé de date ({EventTimes.When(e)}) et nous n'avons pas eu votre confirmation à temps : votre place a été proposée à la liste d'attente.")
            .Link("S'il reste des places, vous pouvez vous réinscrire depuis la page de l'événement :", eventUrl)
            .Paragraph("À bientôt !")
            .ToMail($"Place libérée : {e.Title}") with { To = r.Email });
    }

    /// <summary>« mardi 1er décembre 2026 à 16 h 00 »: when the people registered must have answered (<see cref="MoveDeadline"/>).</summary>
    public static string Deadline(Event moved)
    {
        var local = EventTimes.Local(moved, MoveDeadline.Of(moved));
        return $"{Format.LongDate(DateOnly.FromDateTime(local))} à {Format.Time(TimeOnly.FromDateTime(local))}";
    }

    private static string Place(Event e) => e.IsOnline ? "en ligne" : e.Site?.Name ?? "";

    /// <summary>Dates and times written in French, whatever the culture of the request that sends the mail.</summary>
    public static T InFrench<T>(Func<T> write)
    {
        ArgumentNullException.ThrowIfNull(write);
        var before = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = Localisation.French;
        try
        {
            return write();
        }
        finally
        {
            CultureInfo.CurrentCulture = before;
        }
    }
}
