using System.Diagnostics;
using System.Net;
using System.Text;
using Cotravail.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace Cotravail.Tests.Observability;

/// <summary>
/// With <c>OpenTelemetry:Endpoint</c> set, the real OTLP exporter sends a collector (here a local one that follows the
/// protocol) the spans of a request with its EF Core queries, of a mail batch, and the metrics.
/// </summary>
public sealed class OtlpExportTests(OtlpExportTests.CollectedApp shared) : IClassFixture<OtlpExportTests.CollectedApp>
{
    /// <summary>
    /// One app and one collector for the class: EF Core's instrumentation follows the first tracer provider of a process
    /// only (a second one, started after the first is disposed, gets no query spans), as in production, where there is one.
    /// </summary>
    public sealed class CollectedApp : IAsyncLifetime
    {
        internal FakeOtlpCollector Collector { get; private set; } = null!;

        public TestApp App { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            Collector = await FakeOtlpCollector.StartAsync();
            App = await TestApp.StartAsync(settings: new Dictionary<string, string?>
            {
                ["OpenTelemetry:Endpoint"] = Collector.Endpoint.ToString(),
                ["Mail:Dispatcher"] = "false",
                // Spans go in one export, at a test's flush, and a busy machine does not time it out.
            });
        }

        public async Task DisposeAsync()
        {
            await App.DisposeAsync();
            await Collector.DisposeAsync();
        }
    }

    [Fact]
    public async Task A_request_and_its_queries_reach_the_collector_as_spans_of_one_trace_without_their_SQL()
    {
        var (collector, app) = (shared.Collector, shared.App);

        // Other test apps of this process make spans too: the request names its own trace.
        var traceId = ActivityTraceId.CreateRandom().ToHexString();
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/espaces/luzech", UriKind.Relative));
        request.Headers.Add("traceparent", $"00-{traceId}-{ActivitySpanId.CreateRandom().ToHexString()}-01");
        Assert.Equal(HttpStatusCode.OK, (await app.CreateClient().SendAsync(request)).StatusCode);
        Assert.True(app.Services.GetRequiredService<TracerProvider>().ForceFlush(10_000));

        var spans = collector.Bodies("traces").SelectMany(Otlp.Spans).Where(s => s.TraceId == traceId).ToList();
        var server = Assert.Single(spans, s => s.Kind == OtlpSpan.Server);
        Assert.Equal("espaces/{slug}", server.Attributes["http.route"]);
        Assert.Equal("GET espaces/{slug}", server.Name);
        Assert.False(server.Attributes.ContainsKey("url.path")); // a path may hold a token
        // Its queries, when they are spans (not always here: EF Core checks for diagnostic listeners only from time to
        // time, and other hosts of the test process ran queries before this tracer provider subscribed), carry no SQL.
        var queries = spans.Where(s => s.Scope == "OpenTelemetry.Instrumentation.EntityFrameworkCore").ToList();
        Assert.All(queries, q =>
        {
            Assert.Equal(server.SpanId, q.ParentSpanId);
            Assert.Equal("sqlite", q.Attributes["db.system"]);
            Assert.False(q.Attributes.ContainsKey("db.statement") || q.Attributes.ContainsKey("db.query.text"));
        });
    }

    [Fact]
    public async Task A_batch_of_mail_is_a_span_with_its_queries_and_the_metrics_reach_the_collector()
    {
        var (collector, app) = (shared.Collector, shared.App);
        var member = await app.ApiClientAsync(TestApp.MemberEmail);
        var desks = await app.WithDbAsync(db => db.Resources.Where(r => r.Site!.Slug == "luzech" && r.Name == "Espace partagé").Select(r => r.Id).SingleAsync());
        Assert.Equal(HttpStatusCode.Created, (await member.PostJsonAsync("/api/v1/bookings", new { resourceId = desks, date = "2026-12-03", period = "day" })).StatusCode);

        string traceId;
        using (var test = new Activity("test").SetIdFormat(ActivityIdFormat.W3C))
        {
            test.ActivityTraceFlags = ActivityTraceFlags.Recorded;
            test.Start();
            traceId = test.TraceId.ToHexString();
            TestApp.DeliverMail(app.Services);
        }
        Assert.True(app.Services.GetRequiredService<TracerProvider>().ForceFlush(10_000));
        // (false: the Prometheus reader only answers scrapes; the OTLP reader exports all the same)
        app.Services.GetRequiredService<MeterProvider>().ForceFlush(10_000);

        var spans = collector.Bodies("traces").SelectMany(Otlp.Spans).Where(s => s.TraceId == traceId).ToList();
        var send = Assert.Single(spans, s => s.Name == "mail send");
        Assert.Equal("Cotravail", send.Scope);
        Assert.Equal("1", send.Attributes["cotravail.mail.batch"]);

        var metrics = collector.Bodies("metrics").Select(b => Encoding.UTF8.GetString(b)).ToList();
        Assert.Contains(metrics, m => m.Contains("cotravail.bookings", StringComparison.Ordinal));
        Assert.Contains(metrics, m => m.Contains("cotravail.mail.sent", StringComparison.Ordinal));
    }
}
