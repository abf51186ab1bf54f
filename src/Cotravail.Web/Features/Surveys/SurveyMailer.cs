using Cotravail.Web.Common;
using Cotravail.Web.Common.Mail;
using Cotravail.Web.Features.Accounts;

namespace Cotravail.Web.Features.Surveys;

/// <summary>The e-mail that confirms an answer to a survey that counts one answer per address.</summary>
public sealed class SurveyMailer(IMailSender mail, PublicAddress address)
{
    public const string ConfirmationSubject = "Confirmez votre réponse à l'enquête – Cotravail";

    public Task SendConfirmationAsync(HttpRequest request, Survey survey, SurveyResponse response, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(survey);
        ArgumentNullException.ThrowIfNull(response);
        var link = address.Absolute($"/enquetes/{Uri.EscapeDataString(survey.Slug)}/confirmer?jeton={Uri.EscapeDataString(response.ConfirmationToken!)}");
        var body = new MailBody(null)
            .Paragraph($"Merci d'avoir répondu à l'enquête « {survey.Title} ».")
            .Link("Pour que votre réponse soit comptée, confirmez-la en ouvrant ce lien :", link)
            .Paragraph("Votre adresse sert seulement à compter une réponse par personne : elle n'apparaît pas dans les résultats.",
                "Si vous n'avez pas répondu à cette enquête, ignorez ce message : rien ne sera compté.");
        return mail.SendAsync(body.To(response.Email!, ConfirmationSubject), ct);
    }
}
