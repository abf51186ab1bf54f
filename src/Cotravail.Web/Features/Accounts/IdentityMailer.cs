using System.Net;
using Cotravail.Web.Common.Mail;
using Microsoft.AspNetCore.Identity;

namespace Cotravail.Web.Features.Accounts;

/// <summary>
/// The account e-mails, in French, for the pages and for Identity's API endpoints (<c>/api/v1/auth/…</c>).
/// Links arrive HTML-encoded, as <see cref="IEmailSender{TUser}"/> specifies. A link to the API's
/// confirmation endpoint is sent as a link to the confirmation page, which a person can open.
/// </summary>
public sealed class IdentityMailer(IMailSender mail, AccountLinks links) : IEmailSender<AppUser>
{
    public const string ConfirmationSubject = "Confirmez votre adresse e-mail – Cotravail";
    public const string ResetSubject = "Réinitialisez votre mot de passe – Cotravail";
    public const string AlreadyRegisteredSubject = "Vous avez déjà un compte – Cotravail";
    public const string TwoFactorResetSubject = "Votre double authentification a été réinitialisée – Cotravail";

    public Task SendConfirmationLinkAsync(AppUser user, string email, string confirmationLink)
    {
        ArgumentNullException.ThrowIfNull(user);
        var link = links.ConfirmationFromApiLink(WebUtility.HtmlDecode(confirmationLink));
        // Before its address is confirmed, an account's name is only what someone typed: short and quoted, never the greeting.
        var name = $"{user.FirstName} {user.LastName}".Trim();
        var body = user.EmailConfirmed
            ? new MailBody(user.FirstName).Paragraph("Bienvenue dans le réseau Cotravail !")
            : new MailBody(null).Paragraph(name.Length == 0 ? "Bienvenue dans le réseau Cotravail !"
                : $"Bienvenue dans le réseau Cotravail ! Un compte au nom de {CallerText.Quote(name)} a été demandé avec cette adresse e-mail.");
        return mail.SendAsync(body
            .Link("Pour confirmer votre adresse e-mail et activer votre compte, ouvrez ce lien :", link)
            .Paragraph("Ce lien est valable 24 heures. Si vous n'avez pas demandé à créer un compte, ignorez ce message.")
            .To(email, ConfirmationSubject));
    }

    public Task SendPasswordResetLinkAsync(AppUser user, string email, string resetLink)
    {
        ArgumentNullException.ThrowIfNull(user);
        return mail.SendAsync(ResetMail(user, WebUtility.HtmlDecode(resetLink)).To(email, ResetSubject));
    }

    /// <summary>From the API's <c>/forgotPassword</c>: the code for programs, and the page's link for people.</summary>
    public Task SendPasswordResetCodeAsync(AppUser user, string email, string resetCode)
    {
        ArgumentNullException.ThrowIfNull(user);
        var code = WebUtility.HtmlDecode(resetCode);
        return mail.SendAsync(ResetMail(user, links.PasswordReset(email, code))
            .Paragraph("Code de réinitialisation (pour les applications) :", code)
            .To(email, ResetSubject));
    }

    /// <summary>Someone tried to register with an address that already has a confirmed account.</summary>
    public Task SendAlreadyRegisteredAsync(AppUser user, string email)
    {
        ArgumentNullException.ThrowIfNull(user);
        return mail.SendAsync(new MailBody(user.FirstName)
            .Paragraph("Quelqu'un, vous peut-être, a demandé à créer un compte Cotravail avec cette adresse. Vous avez déjà un compte : inutile d'en créer un autre.")
            .Link("Pour vous connecter :", links.Login())
            .Link("Mot de passe oublié ? Choisissez-en un nouveau ici :", links.ForgotPassword())
            .Paragraph("Si vous n'avez rien demandé, ignorez ce message : votre compte n'a pas changé.")
            .To(email, AlreadyRegisteredSubject));
    }

    /// <summary>Another manager of the network reset this manager's two-factor authentication.</summary>
    public Task SendTwoFactorResetAsync(AppUser user, string email, string byName, string networkName)
    {
        ArgumentNullException.ThrowIfNull(user);
        return mail.SendAsync(new MailBody(user.FirstName)
            .Paragraph($"{byName}, gestionnaire du réseau « {networkName} », a réinitialisé la double authentification de votre compte Cotravail. Votre ancienne clé et vos codes de secours ne fonctionnent plus, et vos sessions ouvertes ont pris fin.")
            .Link("À votre prochaine connexion, vous configurerez à nouveau la double authentification avec l'application de votre téléphone :", links.Login())
            .Paragraph("Si vous n'avez rien demandé, prévenez sans attendre les autres gestionnaires de votre réseau.")
            .To(email, TwoFactorResetSubject));
    }

    private static MailBody ResetMail(AppUser user, string link) => new MailBody(user.FirstName)
        .Link("Pour choisir un nouveau mot de passe pour votre compte Cotravail, ouvrez ce lien :", link)
        .Paragraph("Ce lien est valable 24 heures. Si vous n'avez pas demandé à changer de mot de passe, ignorez ce message : votre mot de passe reste le même.");
}
