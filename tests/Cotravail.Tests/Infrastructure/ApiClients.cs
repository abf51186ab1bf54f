using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace Cotravail.Tests.Infrastructure;

/// <summary>API clients signed in with bearer tokens, as programs use the API.</summary>
public static class ApiClients
{
    public static async Task<HttpClient> ApiClientAsync(this TestApp app, string email, string password = TestApp.DemoPassword)
    {
        var client = app.CreateClient();
        var response = await client.PostAsJsonAsync(new Uri("/api/v1/auth/login", UriKind.Relative), new { email, password });
        Assert.True(response.IsSuccessStatusCode, $"login {email}: {(int)response.StatusCode}");
        var token = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary><paramref name="count"/> new members, each with their own signed-in API client.</summary>
    public static async Task<List<HttpClient>> NewMembersAsync(this TestApp app, int count)
    {
        var clients = new List<HttpClient>();
        for (var i = 0; i < count; i++)
        {
            var user = await app.CreateUserAsync($"membre{i}-{Guid.NewGuid():N}@exemple.fr");
            clients.Add(await app.ApiClientAsync(user.Email!));
        }
        return clients;
    }

    public static Task<HttpResponseMessage> PostJsonAsync(this HttpClient client, string url, object body, string? idempotencyKey = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri(url, UriKind.Relative)) { Content = JsonContent.Create(body) };
        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }
        return client.SendAsync(request);
    }

    public static async Task<JsonElement> JsonAsync(this HttpResponseMessage response) =>
        await response.Content.ReadFromJsonAsync<JsonElement>();
}
