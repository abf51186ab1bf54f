using System.Text;
using Cotravail.Web.Common.Mail;

namespace Cotravail.Web.Features.Newcomers;

/// <summary>The e-mails of Newcomers, in French, plain text (what people wrote is never turned into markup).</summary>
public static class NewcomerMails
{
    public static OutgoingMail Acknowledgement(NewcomerRequest r, NewcomerLinks links)
    {
        ArgumentNullException.ThrowIfNull(r);
        ArgumentNullException.ThrowIfNull(links);
        var text = new StringBuilder();
        // Sent to the address typed in a public form: the name given there appears only short and quoted.
        text.AppendLine("Bonjour,").AppendLine();
        text.AppendLine("Merci de votre intérêt pour la vallée du Lot et du Vignoble ! Votre demande est bien arrivée ;")
            .AppendLine("l'équipe de la communauté de communes vous répond au plus vite.")
            .Append("Elle a été envoyée avec cette adresse e-mail, au nom de ").Append(CallerText.Quote(r.Name))
            .AppendLine(" ; si vous n'avez rien demandé, ignorez ce message.").AppendLine();
        text.Append("Votre projet : ").AppendLine(RequestLabels.Project(r.Project));
        if (r.NeedList.Count > 0)
        {
            text.Append("Vos besoins : ").AppendLine(string.Join(", ", r.NeedList.Select(RequestLabels.Need)));
        }
        text.AppendLine();
        text.AppendLine("Venez essayer : votre première journée dans un de nos tiers-lieux est offerte (journée découverte).")
            .AppendLine("1. Créez votre compte : " + links.Register())
            .AppendLine("2. Réservez un poste et cochez « Utiliser ma journée découverte gratuite » : " + links.Book())
            .AppendLine()
            .AppendLine("Pour découvrir le territoire, ses espaces et son agenda : " + links.Welcome())
            .AppendLine().AppendLine("À bientôt dans la vallée !");
        return new OutgoingMail(r.Email!, "Votre demande est bien reçue – une journée découverte vous attend", text.ToString());
    }

    public static OutgoingMail FromManager(NewcomerRequest r, string subject, string body, string managerName)
    {
        ArgumentNullException.ThrowIfNull(r);
        var text = $"Bonjour {r.Name},\n\n{body}\n\n{managerName}\nCommunauté de communes – Cotravail\n";
        return new OutgoingMail(r.Email!, subject, text);
    }

    public static OutgoingMail IntroductionToNewcomer(NewcomerRequest r, string ambassadorName, string sectors, string link) =>
        new(r.Email!, $"{ambassadorName} vous accueille dans la vallée",
            $"Bonjour {r.Name},\n\n{ambassadorName} ({sectors}), membre de nos tiers-lieux, se propose de répondre à vos questions "
            + "sur la vie et le travail dans la vallée.\n\nÉcrivez-lui depuis cette page (gardez ce lien, il vous est personnel) :\n"
            + $"{link}\n\nVos adresses restent privées : les messages passent par Cotravail.\n");

    public static OutgoingMail IntroductionToAmbassador(string to, string ambassadorName, NewcomerRequest r, string link) =>
        new(to, $"Un nouvel arrivant à accueillir : {r.Name}",
            $"Bonjour {ambassadorName},\n\nMerci d'être ambassadeur ou ambassadrice ! {r.Name} ({RequestLabels.Project(r.Project)}) "
            + "aimerait échanger avec vous.\n\nLisez sa demande et répondez depuis cette page :\n"
            + $"{link}\n\nVos adresses restent privées : les messages passent par Cotravail.\n");

    public static OutgoingMail NewMessage(string to, string recipientName, string senderName, string body, string link) =>
        new(to, $"Nouveau message de {senderName}",
            $"Bonjour {recipientName},\n\n{senderName} vous a écrit :\n\n{body}\n\nPour répondre (ne répondez pas à cet e-mail) :\n{link}\n");
}
