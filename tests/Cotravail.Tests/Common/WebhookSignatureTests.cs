using System.Security.Cryptography;
using System.Text;
using Cotravail.Web.Common.Signing;

namespace Cotravail.Tests.Common;

public sealed class WebhookSignatureTests
{
    private static readonly DateTimeOffset At = new(2026, 12, 7, 10, 0, 0, TimeSpan.Zero);
    private static readonly byte[] Body = Encoding.UTF8.GetBytes("""{"type":"booking.created","id":42}""");

    [Fact]
    public void The_signature_is_the_documented_hmac_of_timestamp_dot_body()
    {
        var header = WebhookSignature.Create("s3cret", At, Body);

        var t = At.ToUnixTimeSeconds();
        var expected = Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes("s3cret"), Encoding.UTF8.GetBytes($"{t}.{Encoding.UTF8.GetString(Body)}")));
        Assert.Equal($"t={t},v1={expected}", header);
    }

    [Fact]
    public void A_receiver_accepts_it_within_the_window()
    {
        var header = WebhookSignature.Create("s3cret", At, Body);

        Assert.True(WebhookSignature.Verify("s3cret", header, Body, At.AddMinutes(4)));
        Assert.True(WebhookSignature.Verify("s3cret", header, Body, At.AddMinutes(-4)));
    }

    [Theory]
    [InlineData("wrong", 0, false)]
    [InlineData("s3cret", 6, false)]
    [InlineData("s3cret", -6, false)]
    [InlineData("s3cret", 0, true)]
    public void A_wrong_secret_a_replay_or_a_changed_body_is_refused(string secret, int minutesLater, bool changeBody)
    {
        var header = WebhookSignature.Create("s3cret", At, Body);
        var body = changeBody ? Encoding.UTF8.GetBytes("""{"type":"booking.created","id":43}""") : Body;

        Assert.False(WebhookSignature.Verify(secret, header, body, At.AddMinutes(minutesLater)));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("t=abc,v1=00")]
    [InlineData("v1=0000000000000000000000000000000000000000000000000000000000000000")]
    [InlineData("t=1796637600")]
    public void A_malformed_header_is_refused(string? header) =>
        Assert.False(WebhookSignature.Verify("s3cret", header, Body, At));

    [Fact]
    public void Either_of_two_signatures_is_accepted_while_a_secret_is_rotated()
    {
        var old = WebhookSignature.Create("old", At, Body);
        var fresh = WebhookSignature.Create("new", At, Body);
        var both = $"{fresh},{old.Split(',')[1]}";

        Assert.True(WebhookSignature.Verify("old", both, Body, At));
        Assert.True(WebhookSignature.Verify("new", both, Body, At));
    }
}
