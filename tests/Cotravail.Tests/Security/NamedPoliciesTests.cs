using System.Net;
using Cotravail.Tests.Infrastructure;
using Cotravail.Web.Common.Security.RateLimiting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Cotravail.Tests.Security;

/// <summary>The policies other features apply (<c>contact</c>, <c>public-form</c>) with their default limits.</summary>
public sealed class NamedPoliciesTests
{
    private static async Task<TimeSpan?> HitAsync(TestApp app, string policy, string ip, string? account)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var http = new DefaultHttpContext { RequestServices = scope.ServiceProvider };
        http.Connection.RemoteIpAddress = IPAddress.Parse(ip);
        return await scope.ServiceProvider.GetRequiredService<DbRateLimiter>().HitAsync(policy, http, account, CancellationToken.None);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_contact_relay_allows_ten_messages_an_hour_per_member_and_public_forms_ten_per_address(string provider)
    {
        // The defaults, not the test host's relaxed limits.
        await using var app = await TestApp.StartAsync(provider, new Dictionary<string, string?>
        {
            ["RateLimits:contact:PermitLimit"] = "30", ["RateLimits:contact:AccountPermitLimit"] = "10",
            ["RateLimits:public-form:PermitLimit"] = "10", ["RateLimits:public-form:AccountPermitLimit"] = "0",
        });
        for (var i = 0; i < 10; i++)
        {
            Assert.Null(await HitAsync(app, RateLimitPolicies.Contact, "203.0.113.1", "membre-1"));
            Assert.Null(await HitAsync(app, RateLimitPolicies.PublicForm, "203.0.113.1", null));
        }
        Assert.NotNull(await HitAsync(app, RateLimitPolicies.Contact, "203.0.113.2", "membre-1"));
        Assert.Null(await HitAsync(app, RateLimitPolicies.Contact, "203.0.113.1", "membre-2"));
        var wait = await HitAsync(app, RateLimitPolicies.PublicForm, "203.0.113.1", null);
        Assert.NotNull(wait);
        Assert.Null(await HitAsync(app, RateLimitPolicies.PublicForm, "203.0.113.3", null));

        app.Clock.Advance(wait.Value);
        Assert.Null(await HitAsync(app, RateLimitPolicies.PublicForm, "203.0.113.1", null));
        Assert.Null(await HitAsync(app, RateLimitPolicies.Contact, "203.0.113.1", "membre-1"));
    }

    [Fact]
    public async Task An_unknown_policy_name_is_a_programming_error_not_a_silent_pass()
    {
        await using var app = await TestApp.StartAsync();
        await Assert.ThrowsAsync<ArgumentException>(() => HitAsync(app, "contacts", "203.0.113.1", null));
    }
}
