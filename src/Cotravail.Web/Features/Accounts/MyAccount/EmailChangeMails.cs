using Cotravail.Web.Common;
using Cotravail.Web.Common.Mail;
using Microsoft.AspNetCore.WebUtilities;

namespace Cotravail.Web.Features.Accounts.MyAccount;

/// <summary>The two e-mails of a change of address: the link to the new address, the warning to the old one.</summary>
public sealed class EmailChangeMails(IMailSender mail, PublicAddress address)
{
    public const string ConfirmSubject = "Confirmez votre nouvelle adresse e-mail – Cotravail";
    public const string WarningSubject = "Changement d'adresse e-mail demandé – Cotravail";

    /// <summary>The landing page of the link sent to the new address.</summary>
    public const string ConfirmPath = "/compte/confirmer-adresse";

    public string ConfirmLink(string userId, string newEmail, string code) =>
        address.Absolute(QueryHelpers.AddQueryString(ConfirmPath, new Dictionary<string, string?>
        {
            ["userId"] = userId, ["email"] = newEmail, ["code"] = code,
        }));

    public Task SendConfirmAsync(AppUser user, string newEmail, string link, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(user);
        return mail.SendAsync(new MailBody(user.FirstName)
            .Paragraph("Vous avez demandé que votre compte Cotravail utilise désormais cette adresse e-mail.")
            .Link("Pour la confirmer, ouvrez ce lien :", link)
            .Paragraph("Ce lien est valable 24 heures. Tant qu'il n'est pas ouvert, votre compte garde son ancienne adresse.",
                "Si vous n'avez rien demandé, ignorez ce message : rien ne changera.")
            .To(newEmail, ConfirmSubject), ct);
    }

    public Task SendWarningAsync(AppUser user, string newEmail, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(user);
        return mail.SendAsync(new MailBody(user.FirstName)
            .Paragraph($"Une demande de changement d'adresse e-mail a été faite pour votre compte Cotravail, vers l'adresse {newEmail}.",
                "Rien ne change tant que le lien envoyé à cette nouvelle adresse n'est pas ouvert.")
            .Paragraph("Si c'est vous, il n'y a rien d'autre à faire.")
            .Link("Si ce n'est pas vous, quelqu'un connaît peut-être votre mot de passe : changez-le sans attendre (toutes vos sessions seront fermées et la demande ne pourra plus aboutir) :",
                address.Absolute("/compte/mot-de-passe"))
            .Link("Si vous ne pouvez plus vous connecter, choisissez un nouveau mot de passe ici :", address.Absolute("/compte/mot-de-passe-oublie"))
            .To(user.Email!, WarningSubject), ct);
    }
}
