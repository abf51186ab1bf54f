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

    /// <summary>
    /// Sends <paramref name="mail"/> to the address of the account <paramref name="userId"/>, read when the mail is
    /// written (its <see cref="OutgoingMail.To"/> is not used). False when the account has no address.
    /// </summary>
    Task<bool> SendToAccountAsync(string userId, OutgoingMail mail, CancellationToken ct = default);
}
