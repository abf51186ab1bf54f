using OpenTelemetry.Exporter;

namespace Cotravail.Web.Common.Observability;

/// <summary>
/// What the <c>OpenTelemetry</c> section asks for. Metrics are served to Prometheus on <see cref="PrometheusPath"/>
/// (<c>OpenTelemetry:Prometheus:Enabled</c>, on by default) to the addresses of <see cref="Scrapers"/> only; with
/// <c>OpenTelemetry:Endpoint</c> set, metrics, traces and logs also go to that OTLP collector. A wrong value stops the
/// start with a message in French and English.
/// </summary>
public sealed class ObservabilitySettings
{
    /// <summary>The OTLP collector, or null: no traces are made and nothing is sent anywhere.</summary>
    public Uri? Endpoint { get; private init; }

    public OtlpExportProtocol Protocol { get; private init; } = OtlpExportProtocol.HttpProtobuf;

    public bool Prometheus { get; private init; } = true;

    public string PrometheusPath { get; private init; } = "/metrics";

    public ScrapeAccess Scrapers { get; private init; } = ScrapeAccess.Loopback;

    /// <summary>Share of traces kept (0 to 1); a trace whose caller already chose is kept as the caller said.</summary>
    public double SampleRatio { get; private init; } = 1;

    /// <summary>Whether database spans carry the SQL text (off: the statements are long and their cost is the span's).</summary>
    public bool SqlText { get; private init; }

    /// <summary>How long the outbox's size and age, read from the database, are reused before they are read again.</summary>
    public TimeSpan OutboxReadInterval { get; private init; } = TimeSpan.FromSeconds(30);

    /// <summary>Whether any metric leaves the process (a Prometheus scrape or an OTLP collector).</summary>
    public bool ExportsMetrics => Prometheus || Endpoint is not null;

    public static ObservabilitySettings From(IConfiguration config)
    {
        ArgumentNullException.ThrowIfNull(config);
        var section = config.GetSection("OpenTelemetry");
        var endpoint = section["Endpoint"];
        Uri? uri = null;
        if (!string.IsNullOrWhiteSpace(endpoint) && (!Uri.TryCreate(endpoint.Trim(), UriKind.Absolute, out uri) || uri.Scheme is not ("http" or "https")))
        {
            throw Wrong("OpenTelemetry:Endpoint", endpoint, "n'est pas une adresse http(s) absolue (par exemple http://localhost:4318)",
                "is not an absolute http(s) address (for example http://localhost:4318)");
        }
        var protocol = section["Protocol"]?.Trim().ToLowerInvariant() switch
        {
            null or "" or "http/protobuf" => OtlpExportProtocol.HttpProtobuf,
            "grpc" => OtlpExportProtocol.Grpc,
            var other => throw Wrong("OpenTelemetry:Protocol", other, "vaut http/protobuf ou grpc", "is http/protobuf or grpc"),
        };
        var path = section["Prometheus:Path"] is { Length: > 0 } p ? p.Trim() : "/metrics";
        if (!path.StartsWith('/') || path.Length < 2 || path.Contains('{', StringComparison.Ordinal) || path.Contains('?', StringComparison.Ordinal))
        {
            throw Wrong("OpenTelemetry:Prometheus:Path", path, "est un chemin tel que /metrics", "is a path such as /metrics");
        }
        var ratio = section.GetValue("Tracing:SampleRatio", 1.0);
        if (ratio is < 0 or > 1 || double.IsNaN(ratio))
        {
            throw Wrong("OpenTelemetry:Tracing:SampleRatio", ratio.ToString(System.Globalization.CultureInfo.InvariantCulture),
                "est une part entre 0 et 1", "is a share between 0 and 1");
        }
        return new ObservabilitySettings
        {
            Endpoint = uri,
            Protocol = protocol,
            Prometheus = section.GetValue("Prometheus:Enabled", true),
            PrometheusPath = path,
            Scrapers = ScrapeAccess.From(section.GetSection("Prometheus:AllowedAddresses")),
            SampleRatio = ratio,
            SqlText = section.GetValue("Tracing:SqlText", false),
            OutboxReadInterval = TimeSpan.FromSeconds(Math.Max(1, section.GetValue("Metrics:OutboxReadSeconds", 30))),
        };
    }

    internal static InvalidOperationException Wrong(string key, string value, string french, string english) =>
        new($"{key} : « {value} » {french}. / {key}: '{value}' {english}.");
}
