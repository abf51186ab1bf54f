using System.Text;
using Cotravail.Web.Common;
using Cotravail.Web.Common.Mail;

namespace Cotravail.Web.Features.Events;

/// <summary>The e-mails of registrations, in French; each one that concerns a live registration carries its cancellation link.</summary>
public sealed class EventMailer(IMailSender mail, RegistrationLinks links)
{
    /// <summary>
    /// To an address someone typed in the public form: the mail names no one in its greeting, and the name they gave
    /// appears only short and quoted, so nobody can make Cotravail write their words to a stranger.
    /// </summary>
    public Task SendPleaseConfirmAsync(Registration r, Event e, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(r);
        return SendAsync(r, e, $"Confirmez votre inscription : {e.Title}",
            $"Une inscription à l'événement ci-dessous a été demandée avec cette adresse e-mail, au nom de {CallerText.Quote(r.Name)}.\n"
            + $"Pour la confirmer, ouvrez ce lien (valable 48 heures) :\n{links.ConfirmUrl(r, e)}\n\n"
            + "Sans confirmation, aucune place ne vous est réservée. Si vous n'avez rien demandé, ignorez ce message.",
            withCalendar: false, ct, greetByName: false);
    }

    public Task SendRegisteredAsync(Registration r, Event e, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(r);
        return r.Status == RegistrationStatus.Waitlisted
            ? SendAsync(r, e, $"Liste d'attente : {e.Title}",
                $"L'événement est complet : vous êtes en position {r.WaitlistPosition} sur la liste d'attente.\n"
                + "Si une place se libère, elle vous sera attribuée automatiquement et vous recevrez un e-mail.", withCalendar: false, ct)
            : SendAsync(r, e, $"Inscription confirmée : {e.Title}", "Votre inscription est confirmée. Le fichier joint l'ajoute à votre agenda.", withCalendar: true, ct);
    }

    public Task SendPromotedAsync(Registration r, Event e, CancellationToken ct) =>
        SendAsync(r, e, $"Une place s'est libérée : {e.Title}",
            "Bonne nouvelle : une place s'est libérée et elle est pour vous. Votre inscription est confirmée.\n"
            + "Si vous ne pouvez plus venir, annulez pour laisser la place à la personne suivante.", withCalendar: true, ct);

    public Task SendReminderAsync(Registration r, Event e, CancellationToken ct) =>
        SendAsync(r, e, $"Rappel : {e.Title}", "Petit rappel : vous êtes inscrit·e à l'événement ci-dessous.", withCalendar: false, ct);

    public Task SendRatingInviteAsync(Registration r, Event e, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(r);
        ArgumentNullException.ThrowIfNull(e);
        var text = $"Bonjour {r.Name},\n\nMerci d'être venu·e à « {e.Title} ». Votre avis aide l'équipe à préparer les prochains : " +
            $"une note de 1 à 5 et, si vous le souhaitez, un commentaire.\n\n{links.RateUrl(r, e)}\n\nÀ bientôt !\n";
        return mail.SendAsync(new OutgoingMail(r.Email, $"Votre avis sur « {e.Title} »", text), ct);
    }

    public Task SendCancelledAsync(Registration r, Event e, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(r);
        ArgumentNullException.ThrowIfNull(e);
        var text = new StringBuilder();
        text.Append("Bonjour ").Append(r.Name).AppendLine(",").AppendLine();
        text.AppendLine("Votre inscription est annulée :").Append("- ").AppendLine(Describe(e)).AppendLine();
        text.AppendLine("Vous pouvez vous réinscrire depuis la page de l'événement tant qu'il reste des places :").AppendLine(links.EventUrl(e));
        return mail.SendAsync(new OutgoingMail(r.Email, $"Inscription annulée : {e.Title}", text.ToString()), ct);
    }

    public Task SendProposalPublishedAsync(string to, string name, Event e, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(e);
        return mail.SendAsync(new OutgoingMail(to, $"Votre proposition est publiée : {e.Title}",
            $"Bonjour {name},\n\nMerci pour votre proposition ! Elle est publiée dans l'agenda :\n- {Describe(e)}\n- {links.EventUrl(e)}\n\nÀ bientôt !\n"), ct);
    }

    public Task SendProposalDeclinedAsync(string to, string name, Event e, string message, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(e);
        return mail.SendAsync(new OutgoingMail(to, $"Votre proposition : {e.Title}",
            $"Bonjour {name},\n\nMerci pour votre proposition « {e.Title} ». L'équipe de {e.Site?.Name} ne peut pas la retenir pour le moment :\n\n{message}\n\nÀ bientôt !\n"), ct);
    }

    public static string Describe(Event e)
    {
        ArgumentNullException.ThrowIfNull(e);
        var where = e.IsOnline ? $"en ligne ({e.OnlineUrl})" : $"{e.Site?.Name}, {e.Site?.Address}";
        var price = e.IsFree ? "gratuit" : Format.Euros(e.PriceCents).Replace('\u00a0', ' ');
        return $"{e.Title} — {EventTimes.WhenInFrench(e)} — {where} — {price}";
    }

    private Task SendAsync(Registration r, Event e, string subject, string body, bool withCalendar, CancellationToken ct, bool greetByName = true)
    {
        ArgumentNullException.ThrowIfNull(r);
        ArgumentNullException.ThrowIfNull(e);
        var text = new StringBuilder();
        text.Append(greetByName ? $"Bonjour {r.Name}," : "Bonjour,").AppendLine().AppendLine();
        text.AppendLine(body).AppendLine();
        text.Append("- ").AppendLine(Describe(e));
        text.Append("- Détails : ").AppendLine(links.EventUrl(e)).AppendLine();
        text.AppendLine("Pour annuler votre inscription, ouvrez ce lien :").AppendLine(links.CancelUrl(r, e)).AppendLine();
        text.AppendLine("À bientôt !");
        var message = new OutgoingMail(r.Email, subject, text.ToString());
        if (withCalendar)
        {
            message = message with
            {
                Attachments = [new MailAttachment("evenement.ics", "text/calendar; charset=utf-8; method=PUBLISH",
                    Encoding.UTF8.GetBytes(AgendaCalendar.Write([e], new Uri(links.EventUrl(e)).Host, "Cotravail")))],
            };
        }
        return mail.SendAsync(message, ct);
    }
}
