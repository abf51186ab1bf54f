using System.Diagnostics;

namespace Cotravail.Web.Common.Observability;

/// <summary>
/// The spans Cotravail makes itself, beside those of ASP.NET Core and EF Core: a batch of mail handed to the SMTP server
/// (<c>mail send</c>) and a run of a background job (named for the job, <c>NoShowWorker</c>…). Nothing is made unless
/// tracing is on (<c>OpenTelemetry:Endpoint</c>): <see cref="ActivitySource.StartActivity(string, ActivityKind)"/> then
/// answers null at once.
/// </summary>
public static class Tracing
{
    public const string SourceName = "Cotravail";

    public static readonly ActivitySource Source = new(SourceName);

    /// <summary>A span around sending a claimed batch of <paramref name="count"/> mails (none for an empty batch).</summary>
    public static Activity? MailSend(int count)
    {
        if (count == 0)
        {
            return null;
        }
        var activity = Source.StartActivity("mail send");
        activity?.SetTag("cotravail.mail.batch", count);
        return activity;
    }
}
