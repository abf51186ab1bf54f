using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Cotravail.Web.Common.Mail;

/// <summary>Sends through SMTP with MailKit; with no SMTP host configured, writes each message as an .eml file.</summary>
internal sealed partial class MailKitMailSender(IOptions<MailOptions> options, TimeProvider clock, ILogger<MailKitMailSender> logger) : IMailSender
{
    public async Task SendAsync(OutgoingMail mail, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(mail);
        var o = options.Value;
        var message = Build(mail, o.From, clock.GetUtcNow());
        if (string.IsNullOrWhiteSpace(o.Smtp.Host))
        {
            var folder = Path.GetFullPath(o.PickupDirectory);
            Directory.CreateDirectory(folder);
            var file = Path.Combine(folder, $"{clock.GetUtcNow():yyyyMMdd-HHmmss}-{Guid.NewGuid():N}.eml");
            await message.WriteToAsync(file, ct);
            LogWritten(logger, mail.To, file);
            return;
        }
        using var client = new SmtpClient();
        await client.ConnectAsync(o.Smtp.Host, o.Smtp.Port, SecureSocketOptions.Auto, ct);
        if (!string.IsNullOrEmpty(o.Smtp.User))
        {
            await client.AuthenticateAsync(o.Smtp.User, o.Smtp.Password ?? "", ct);
        }
        await client.SendAsync(message, ct);
        await client.DisconnectAsync(true, ct);
        LogSent(logger, mail.To);
    }

    internal static MimeMessage Build(OutgoingMail mail, string from, DateTimeOffset now)
    {
        var message = new MimeMessage { Subject = mail.Subject, Date = now };
        message.From.Add(MailboxAddress.Parse(from));
        message.To.Add(MailboxAddress.Parse(mail.To));
        var body = new BodyBuilder { TextBody = mail.TextBody, HtmlBody = mail.HtmlBody };
        foreach (var a in mail.Attachments)
        {
            body.Attachments.Add(a.FileName, a.Content, ContentType.Parse(a.ContentType));
        }
        message.Body = body.ToMessageBody();
        return message;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Mail to {To} written to {File} (no SMTP server configured).")]
    private static partial void LogWritten(ILogger logger, string to, string file);

    [LoggerMessage(Level = LogLevel.Information, Message = "Mail to {To} sent.")]
    private static partial void LogSent(ILogger logger, string to);
}
