using Cotravail.Web.Common;
using System.Globalization;
using Cotravail.Web.Common.Mail;
using Cotravail.Web.Features.Accounts;

namespace Cotravail.Web.Features.Privacy;

/// <summary>The e-mails of personal data: account deleted, and the warning before an inactive account is deleted.</summary>
public sealed class PrivacyMailer(IMailSender mail, PublicAddress address)
{
    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");

    public Task SendDeletedAsync(string email, string? firstName, bool byRetention, CancellationToken ct)
    {
        var body = new MailBody(firstName);
        body.Paragraph(byRetention
            ? "Votre compte Cotravail n'avait pas servi depuis plus de trois ans : comme annoncé, il a été supprimé."
            : "Votre compte Cotravail a été supprimé, comme vous l'avez demandé.");
        body.Paragraph(
            "Vos réservations et vos passages restent comptés dans les statistiques, sans votre nom.",
            "Vos factures sont conservées dix ans, comme la loi l'impose, avec le nom et l'adresse qui y figurent.");
        body.Paragraph("Vous pouvez créer un nouveau compte à tout moment.");
        return mail.SendAsync(body.To(email, "Votre compte Cotravail a été supprimé"), ct);
    }

    public Task SendRetentionWarningAsync(string email, string? firstName, DateTime deletionUtc, CancellationToken ct)
    {
        var body = new MailBody(firstName);
        body.Paragraph(
            "Votre compte Cotravail n'a pas servi depuis trois ans.",
            $"Sans nouvelle de votre part, il sera supprimé le {Common.Format.LongDate(DateOnly.FromDateTime(deletionUtc), French)} : nous ne gardons pas de données sans raison.");
        body.Link("Pour le garder, il suffit de vous connecter avant cette date :", Url("/compte/connexion"));
        body.Paragraph("Vos factures seront conservées dix ans, comme la loi l'impose.");
        return mail.SendAsync(body.To(email, "Votre compte Cotravail va être supprimé"), ct);
    }

    private string Url(string path) => address.Absolute(path);
}
