using System.Net;
using System.Net.Http.Json;
using System.Text;
using Cotravail.Tests.Infrastructure;

namespace Cotravail.Tests.Access.Wifi;

/// <summary>The RADIUS API as rlm_rest calls it: its statuses, its key, its refusals of bad input.</summary>
public sealed class RadiusApiTests
{
    private static object Attributes(string user, string nas, string? password = null, string? status = null)
    {
        var body = new Dictionary<string, object>
        {
            ["User-Name"] = new { type = "string", value = new[] { user } },
            ["NAS-Identifier"] = new { type = "string", value = new[] { nas } },
        };
        if (password is not null)
        {
            body["User-Password"] = new { type = "string", value = new[] { password } };
        }
        if (status is not null)
        {
            body["Acct-Status-Type"] = new { type = "integer", value = new[] { status } };
        }
        return body;
    }

    private static Task<HttpResponseMessage> PostAsync(HttpClient client, string step, object body, string? key = WifiWorld.ApiKey)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri($"/api/v1/radius/{step}", UriKind.Relative)) { Content = JsonContent.Create(body) };
        if (key is not null)
        {
            request.Headers.Add("X-Api-Key", key);
        }
        return client.SendAsync(request);
    }

    [Fact]
    public async Task Authorize_and_authenticate_answer_as_rlm_rest_reads_them()
    {
        await using var app = await TestApp.StartAsync(settings: WifiWorld.Settings);
        await WifiWorld.CreateAsync(app);
        using var client = app.CreateClient();

        Assert.Equal(HttpStatusCode.NoContent, (await PostAsync(client, "authorize", Attributes(WifiWorld.Booked, "nas-luzech"))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await PostAsync(client, "authorize", Attributes(WifiWorld.Nothing, "nas-luzech"))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await PostAsync(client, "authorize", Attributes("inconnu@wifi.test", "nas-luzech"))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await PostAsync(client, "authorize", Attributes(WifiWorld.Booked, "nas-inconnu"))).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await PostAsync(client, "authenticate", Attributes(WifiWorld.Booked, "nas-luzech", TestApp.DemoPassword))).StatusCode);
        var refused = await PostAsync(client, "authenticate", Attributes(WifiWorld.Booked, "nas-luzech", "mauvais"));
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Equal("Identifiant ou code Wi-Fi incorrect.", (await refused.JsonAsync()).GetProperty("reply:Reply-Message").GetString());
    }

    [Fact]
    public async Task A_wrong_or_missing_key_is_refused_with_401_and_grants_nothing()
    {
        await using var app = await TestApp.StartAsync(settings: WifiWorld.Settings);
        var world = await WifiWorld.CreateAsync(app);
        using var client = app.CreateClient();

        foreach (var key in new[] { null, "", "pas-la-cle", WifiWorld.ApiKey + "x" })
        {
            foreach (var step in new[] { "authorize", "authenticate", "accounting" })
            {
                var response = await PostAsync(client, step, Attributes(WifiWorld.Booked, "nas-luzech", TestApp.DemoPassword, "Start"), key);
                Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
                Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            }
        }
        Assert.Empty(await world.VisitsOfAsync(WifiWorld.Booked));
    }

    [Fact]
    public async Task Without_a_key_set_the_api_refuses_everything()
    {
        await using var app = await TestApp.StartAsync();
        using var client = app.CreateClient();
        var response = await PostAsync(client, "authorize", Attributes(TestApp.MemberEmail, "nas-luzech"), key: "");
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Bad_input_gets_a_problem_details_and_changes_nothing()
    {
        await using var app = await TestApp.StartAsync(settings: WifiWorld.Settings);
        var world = await WifiWorld.CreateAsync(app);
        using var client = app.CreateClient();

        foreach (var step in new[] { "authorize", "authenticate", "accounting" })
        {
            foreach (var body in new[] { "", "not json", "[]", "42", "{}", """{"User-Name": {"value": [12]}}""", """{"User-Name": "x@y.fr"}""", """{"NAS-Identifier": {"value": []}}""" })
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, new Uri($"/api/v1/radius/{step}", UriKind.Relative))
                {
                    Content = new StringContent(body, Encoding.UTF8, "application/json"),
                };
                request.Headers.Add("X-Api-Key", WifiWorld.ApiKey);
                var response = await client.SendAsync(request);
                Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{step} {body}: {(int)response.StatusCode}");
                Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            }
        }
        Assert.Empty(await world.VisitsOfAsync(WifiWorld.Booked));
    }
}
