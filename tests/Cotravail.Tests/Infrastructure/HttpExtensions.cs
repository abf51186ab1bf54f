using System.Net;
using System.Net.Http.Json;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Cotravail.Tests.Infrastructure;

/// <summary>What a browser does with forms and cookies, for HTTP tests.</summary>
public static class HttpExtensions
{
    private static readonly HtmlParser Parser = new();

    /// <summary>A client that keeps cookies and does not follow redirects (so tests see them).</summary>
    public static HttpClient Browser(this TestApp app) =>
        app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    public static async Task<IDocument> GetDocumentAsync(this HttpClient client, string url, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var response = await client.GetAsync(new Uri(url, UriKind.Relative));
        var html = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"GET {url}: {(int)response.StatusCode}, expected {(int)expected}\n{html[..Math.Min(html.Length, 3000)]}");
        return Parser.ParseDocument(html);
    }

    public static async Task<IDocument> ParseAsync(this HttpResponseMessage response) =>
        Parser.ParseDocument(await response.Content.ReadAsStringAsync());

    /// <summary>
    /// Opens the page at <paramref name="url"/>, fills the form that holds the antiforgery token
    /// (the first one, or the one matching <paramref name="formSelector"/>) and submits it — to <paramref name="postTo"/>
    /// when given, as a button's <c>formaction</c> does.
    /// </summary>
    public static async Task<HttpResponseMessage> SubmitFormAsync(
        this HttpClient client, string url, IDictionary<string, string> fields, string? formSelector = null, string? postTo = null)
    {
        var page = await client.GetDocumentAsync(url);
        var form = (formSelector is null
            ? page.QuerySelectorAll("main form").FirstOrDefault()
            : page.QuerySelector(formSelector)) ?? throw new InvalidOperationException($"No form on {url}");
        var values = new List<KeyValuePair<string, string>>();
        foreach (var input in form.QuerySelectorAll("input[type=hidden]"))
        {
            var name = input.GetAttribute("name");
            if (name is not null && !fields.ContainsKey(name))
            {
                values.Add(new(name, input.GetAttribute("value") ?? ""));
            }
        }
        values.AddRange(fields);
        var action = form.GetAttribute("action");
        var target = postTo ?? (string.IsNullOrEmpty(action) ? url : action);
        return await client.PostAsync(new Uri(target, UriKind.Relative), new FormUrlEncodedContent(values));
    }

    /// <summary>Signs in through the API with a cookie (the pages' own sign-in is tested separately).</summary>
    public static async Task SignInAsync(this HttpClient client, string email, string password = TestApp.DemoPassword)
    {
        var response = await client.PostAsJsonAsync(new Uri("/api/v1/auth/login?useCookies=true", UriKind.Relative), new { email, password });
        Assert.True(response.IsSuccessStatusCode, $"sign-in of {email}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    public static string Text(this IElement? element) => Squash(element?.TextContent ?? "");

    /// <summary>The text with every run of white space made one space, as a reader sees it.</summary>
    public static string Squash(string text) =>
        System.Text.RegularExpressions.Regex.Replace(text, @"\s+", " ").Trim();
}
