using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Cotravail.Web.Common.Mail;

/// <summary>
/// Hands messages over with MailKit: to the SMTP server <c>Mail:Smtp:Host</c>, one connection for a whole batch, or,
/// with no server configured, as .eml files in <c>Mail:PickupDirectory</c>.
/// </summary>
public sealed partial class MailTransport(IOptions<MailOptions> options, ILogger<MailTransport> logger)
{
    /// <summary>
    /// Sends each message; the answer holds, for each, null when it went out or the error that stopped it. When
    /// <paramref name="ct"/> is cancelled (the application stops) the message in hand is finished and the rest are
    /// answered <see cref="OperationCanceledException"/>: not tried.
    /// </summary>
    public async Task<Exception?[]> SendAsync(IReadOnlyList<(OutgoingMail Mail, long Id, DateTime CreatedAtUtc)> mails, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(mails);
        var o = options.Value;
        var results = new Exception?[mails.Count];
        if (string.IsNullOrWhiteSpace(o.Smtp.Host))
        {
            var folder = Path.GetFullPath(o.PickupDirectory);
            Directory.CreateDirectory(folder);
            for (var i = 0; i < mails.Count; i++)
            {
                results[i] = ct.IsCancellationRequested ? new OperationCanceledException(ct) : Try(() =>
                {
                    var (mail, id, created) = mails[i];
                    // Named in the order written: creation time, then the outbox's number. Written whole from memory
                    // in one call (MimeKit's many small asynchronous writes to a file cost more than the message), under
                    // a temporary name first: a write cut short (a full disk) leaves no half message among the .eml.
                    var file = Path.Combine(folder, $"{created:yyyyMMdd-HHmmss}-{id:D10}-{Guid.NewGuid():N}.eml");
                    var partial = file + ".part";
                    using var buffer = new MemoryStream();
                    Build(mail, o.From, created).WriteTo(buffer);
                    try
                    {
                        using (var stream = new FileStream(partial, FileMode.CreateNew, FileAccess.Write, FileShare.None, bufferSize: 0))
                        {
                            stream.Write(buffer.GetBuffer(), 0, (int)buffer.Length);
                        }
                        File.Move(partial, file);
                    }
                    catch
                    {
                        File.Delete(partial);
                        throw;
                    }
                    LogWritten(logger, mail.To, file);
                });
            }
            return results;
        }
        using var client = new SmtpClient();
        var connected = await TryAsync(async () =>
        {
            await client.ConnectAsync(o.Smtp.Host, o.Smtp.Port, SecureSocketOptions.Auto, CancellationToken.None);
            if (!string.IsNullOrEmpty(o.Smtp.User))
            {
                await client.AuthenticateAsync(o.Smtp.User, o.Smtp.Password ?? "", CancellationToken.None);
            }
        });
        for (var i = 0; i < mails.Count; i++)
        {
            var (mail, _, created) = mails[i];
            // A server that went away fails the rest of the batch with the same error: they are tried again later.
            results[i] = ct.IsCancellationRequested ? new OperationCanceledException(ct) : connected ?? (client.IsConnected
                ? await TryAsync(() => client.SendAsync(Build(mail, o.From, created), CancellationToken.None))
                : new ServiceNotConnectedException("The SMTP connection was lost."));
            if (results[i] is null)
            {
                LogSent(logger, mail.To);
            }
        }
        if (client.IsConnected)
        {
            await TryAsync(() => client.DisconnectAsync(true, CancellationToken.None));
        }
        return results;
    }

    /// <summary>A failure that trying again cannot mend: an address that cannot be read, a server's permanent refusal (5xx).</summary>
    public static bool IsPermanent(Exception error) => error switch
    {
        ParseException => true,
        SmtpCommandException smtp => (int)smtp.StatusCode >= 500,
        _ => false,
    };

    internal static MimeMessage Build(OutgoingMail mail, string from, DateTime createdAtUtc)
    {
        var message = new MimeMessage { Subject = mail.Subject, Date = new DateTimeOffset(createdAtUtc, TimeSpan.Zero) };
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

    // The same as TryAsync for a step that does not wait: it completes at once, synchronously.
    private static Exception? Try(Action step) => TryAsync(() =>
    {
        step();
        return Task.CompletedTask;
    }).Result;

    private static async Task<Exception?> TryAsync(Func<Task> step)
    {
        try
        {
            await step();
            return null;
        }
#pragma warning disable CA1031 // every failure is the dispatcher's to record and try again
        catch (Exception e) when (e is not OperationCanceledException)
#pragma warning restore CA1031
        {
            return e;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Mail to {To} written to {File} (no SMTP server configured).")]
    private static partial void LogWritten(ILogger logger, string to, string file);

    [LoggerMessage(Level = LogLevel.Information, Message = "Mail to {To} sent.")]
    private static partial void LogSent(ILogger logger, string to);
}
