using System.Diagnostics;
using Microsoft.AspNetCore.Routing;
using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Cotravail.Web.Common.Observability;

/// <summary>
/// Metrics, traces and logs with OpenTelemetry (ADR 0030). Metrics — Cotravail's own (<see cref="CotravailMetrics"/>,
/// <see cref="OutboxGauges"/>), HTTP requests, connections, sign-ins, the runtime and the PostgreSQL connection pool —
/// are served on a Prometheus endpoint (<c>/metrics</c>) to the addresses of <see cref="ScrapeAccess"/> only, a 404 for
/// anyone else. With <c>OpenTelemetry:Endpoint</c>, they also go to that OTLP collector with the traces (requests,
/// EF Core commands, mail batches, job runs) and the logs. Without it no span is made, so a request pays only for the
/// few measurements ASP.NET Core records.
/// </summary>
public static class ObservabilityModule
{
    /// <summary>Meters besides Cotravail's: ASP.NET Core's (requests, Kestrel, exceptions, Identity), the runtime's, Npgsql's.</summary>
    private static readonly string[] Meters =
    [
        CotravailMetrics.MeterName, "Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Server.Kestrel",
        "Microsoft.AspNetCore.Diagnostics", "Microsoft.AspNetCore.Identity", "System.Runtime", "Npgsql",
    ];

    public static WebApplicationBuilder AddObservability(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var settings = ObservabilitySettings.From(builder.Configuration);
        var services = builder.Services;
        services.AddSingleton(settings);
        services.AddSingleton<CotravailMetrics>();
        services.AddSingleton<OutboxGauges>();
        services.AddSingleton<JobRuns>();
        if (!settings.ExportsMetrics)
        {
            return builder;
        }
        var telemetry = services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService("cotravail", serviceVersion: typeof(ObservabilityModule).Assembly.GetName().Version?.ToString()))
            .WithMetrics(metrics =>
            {
                metrics.AddMeter(Meters);
                if (settings.Prometheus)
                {
                    metrics.AddPrometheusExporter(o => o.ScrapeEndpointPath = settings.PrometheusPath);
                }
            });
        if (settings.Endpoint is { } endpoint)
        {
            telemetry.WithTracing(tracing => tracing
                .SetSampler(new ParentBasedSampler(new TraceIdRatioBasedSampler(settings.SampleRatio)))
                .AddSource(Tracing.SourceName)
                .AddAspNetCoreInstrumentation(o =>
                {
                    // Probes and scrapes come every few seconds and say nothing.
                    o.Filter = context => !IsQuiet(context.Request.Path, settings.PrometheusPath);
                    // The route (/calendrier/{token}.ics) names the request; the path itself may hold a secret.
                    o.EnrichWithHttpRequest = static (activity, _) => activity.SetTag("url.path", null);
                })
                .AddEntityFrameworkCoreInstrumentation(o =>
                {
                    // A command outside any request, job or mail batch (start, the dispatcher's polling) is not traced.
                    o.Filter = static (_, _) => Activity.Current?.Parent is not null;
                    if (!settings.SqlText)
                    {
                        o.EnrichWithIDbCommand = static (activity, _) =>
                        {
                            activity.SetTag("db.statement", null);
                            activity.SetTag("db.query.text", null);
                        };
                    }
                }));
            // Metrics, traces and logs (structured: each with its message template and values) to the collector.
            telemetry.UseOtlpExporter(settings.Protocol, endpoint);
        }
        return builder;
    }

    /// <summary>Creates the outbox gauges now (they would wait for a first use otherwise) and maps the scrape endpoint.</summary>
    public static WebApplication UseObservability(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var settings = app.Services.GetRequiredService<ObservabilitySettings>();
        app.Services.GetRequiredService<OutboxGauges>();
        if (settings.Prometheus)
        {
            var scrapers = settings.Scrapers;
            app.MapPrometheusScrapingEndpoint(settings.PrometheusPath, meterProvider: null, configureBranchedPipeline: branch => branch.Use((context, next) =>
            {
                if (scrapers.Allows(context.Connection.RemoteIpAddress))
                {
                    return next(context);
                }
                // As if there were nothing here: the site's own « page introuvable ».
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return Task.CompletedTask;
            }), optionsName: null).WithMetadata(new HttpMethodMetadata([HttpMethods.Get]));
        }
        return app;
    }

    private static bool IsQuiet(PathString path, string scrapePath) =>
        path.StartsWithSegments("/health", StringComparison.OrdinalIgnoreCase) || path.Equals(scrapePath, StringComparison.OrdinalIgnoreCase);
}
