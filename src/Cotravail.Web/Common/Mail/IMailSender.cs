namespace Cotravail.Web.Common.Mail;

/// <summary>An e-mail to send: plain text always, HTML optionally, attachments optional.</summary>
public sealed record OutgoingMail(string To, string Subject, string TextBody, string? HtmlBody = null)
{
    public IReadOnlyList<MailAttachment> Attachments { get; init; } = [];
}

public sealed record MailAttachment(string FileName, string ContentType, byte[] Content);

public interface IMailSender
{
    Task SendAsync(OutgoingMail mail, CancellationToken ct = default);
}
