using System.Globalization;
using Cotravail.Web.Common.Mail;

namespace Cotravail.Web.Features.Events.Cancellation;

/// <summary>
/// The e-mail to a person whose event (or coaching slot) is cancelled: what, when, the reason, what becomes of the price
/// of a paid event, and the agenda of the site to find another date. In French whatever the host's language.
/// </summary>
public static class EventCancelledMail
{
    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");

    /// <summary>The mail, its recipient left empty; <paramref name="agendaUrl"/> is absolute.</summary>
    public static OutgoingMail Write(CancelledPerson person, Event e, string reason, string agendaUrl)
    {
        ArgumentNullException.ThrowIfNull(person);
        ArgumentNullException.ThrowIfNull(e);
        var coaching = e.Kind == EventKind.Coaching;
        var when = EventTimes.WhenInFrench(e);
        var where = e.IsOnline ? "en ligne" : $"{e.Site?.Name}, {e.Site?.Address}";
        var body = new MailText();
        body.Paragraph($"Bonjour {person.Name},");
        body.Paragraph(person.WasWaitlisted
            ? $"Vous étiez sur la liste d'attente de « {e.Title} » ({when}, {where}). Cet événement est annulé."
            : coaching
                ? $"Votre rendez-vous d'accompagnement « {e.Title} » ({when}, {where}) est annulé."
                : $"L'événement « {e.Title} » ({when}, {where}) auquel vous étiez inscrit·e est annulé.");
        body.Paragraph("La raison :", reason);
        if (person.PriceCents > 0)
        {
            body.Paragraph(person.WasWaitlisted
                ? "Vous n'aviez pas de place : rien ne vous est facturé."
                : $"Cet événement était payant ({Euros(person.PriceCents)}) : votre inscription est annulée et ne vous sera pas facturée.");
        }
        body.Paragraph(person.WasWaitlisted
            ? "Vous n'avez rien à faire."
            : "Vous n'avez rien à faire : votre inscription est annulée.");
        body.Link(coaching ? "Pour choisir un autre créneau, voyez l'agenda :" : "Pour trouver une autre date ou un autre événement, voyez l'agenda :", agendaUrl);
        body.Paragraph("Toutes nos excuses pour ce changement.", $"L'équipe de {e.Site?.Name}");
        return body.ToMail(coaching ? $"Rendez-vous annulé : {e.Title}" : $"Événement annulé : {e.Title}");
    }

    private static string Euros(int cents) =>
        (cents / 100m).ToString("#,##0.00", French).Replace('\u202f', ' ').Replace('\u00a0', ' ') + " €";
}
