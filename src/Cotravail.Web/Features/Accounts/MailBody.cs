using Cotravail.Web.Common.Mail;

namespace Cotravail.Web.Features.Accounts;

/// <summary>An account e-mail: « Bonjour … » first, the team's greeting last, written with <see cref="MailText"/>.</summary>
internal sealed class MailBody
{
    private readonly MailText _mail = new();

    public MailBody(string? firstName) =>
        Paragraph(string.IsNullOrWhiteSpace(firstName) ? "Bonjour," : $"Bonjour {firstName.Trim()},");

    /// <summary>A paragraph of one or more lines.</summary>
    public MailBody Paragraph(params string[] lines)
    {
        _mail.Paragraph(lines);
        return this;
    }

    /// <summary>A sentence, then the link alone on the next line.</summary>
    public MailBody Link(string sentence, string url)
    {
        _mail.Link(sentence, url);
        return this;
    }

    public OutgoingMail To(string address, string subject)
    {
        Paragraph("À bientôt dans nos tiers-lieux,", "L'équipe Cotravail");
        return _mail.ToMail(subject) with { To = address };
    }
}
