namespace Cotravail.Web.Features.Webhooks;

/// <summary>Settings of outgoing webhooks (section <c>Webhooks</c>).</summary>
public sealed class WebhookOptions
{
    public const string Section = "Webhooks";

    /// <summary>How long an endpoint has to answer, in seconds.</summary>
    public int TimeoutSeconds { get; set; } = 10;

    /// <summary>Tries before a delivery is marked failed.</summary>
    public int MaxAttempts { get; set; } = 8;

    /// <summary>
    /// Accept <c>http://</c> addresses on the loopback interface (127.0.0.1, ::1, localhost): for a receiver on the same
    /// machine and for tests. Any other address must be https.
    /// </summary>
    public bool AllowHttpOnLoopback { get; set; }

    /// <summary>Run the background dispatcher in this instance (read at start; tests send with the dispatcher directly).</summary>
    public bool Dispatch { get; set; } = true;
}
