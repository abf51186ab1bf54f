using System.Net;
using Cotravail.Web.Common.Observability;
using Microsoft.Extensions.Configuration;

namespace Cotravail.Tests.Observability;

public sealed class ObservabilitySettingsTests
{
    private static ObservabilitySettings Read(params (string Key, string Value)[] values) =>
        ObservabilitySettings.From(new ConfigurationBuilder()
            .AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value))).Build());

    [Fact]
    public void By_default_Prometheus_answers_this_machine_and_nothing_is_sent()
    {
        var settings = Read();
        Assert.True(settings.Prometheus);
        Assert.Equal("/metrics", settings.PrometheusPath);
        Assert.Null(settings.Endpoint);
        Assert.True(settings.Scrapers.Allows(IPAddress.Loopback));
        Assert.True(settings.Scrapers.Allows(IPAddress.Parse("127.0.0.5")));
        Assert.True(settings.Scrapers.Allows(IPAddress.IPv6Loopback));
        Assert.True(settings.Scrapers.Allows(IPAddress.Parse("::ffff:127.0.0.1")));
        Assert.False(settings.Scrapers.Allows(IPAddress.Parse("10.0.0.1")));
        Assert.False(settings.Scrapers.Allows(null));
        Assert.False(settings.SqlText);
    }

    [Theory]
    [InlineData("OpenTelemetry:Prometheus:AllowedAddresses", "10.0.0.300")]
    [InlineData("OpenTelemetry:Prometheus:AllowedAddresses", "réseau")]
    [InlineData("OpenTelemetry:Endpoint", "localhost:4318")]
    [InlineData("OpenTelemetry:Endpoint", "ftp://collector")]
    [InlineData("OpenTelemetry:Protocol", "udp")]
    [InlineData("OpenTelemetry:Prometheus:Path", "metrics")]
    [InlineData("OpenTelemetry:Tracing:SampleRatio", "2")]
    public void A_wrong_setting_stops_the_start_and_says_which_in_French_and_English(string key, string value)
    {
        var e = Assert.Throws<InvalidOperationException>(() => Read((key, value)));
        Assert.StartsWith($"{key} : « {value.Trim()} »", e.Message, StringComparison.Ordinal);
        Assert.Contains($"/ {key}:", e.Message, StringComparison.Ordinal);
    }
}
