using AngleSharp.Dom;
using Cotravail.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Tests.Booking;

/// <summary>What a person does on the booking pages, shared by the page tests.</summary>
internal static class BookingPageSteps
{
    public static Task<int> ResourceAsync(this TestApp app, string site, string name) =>
        app.WithDbAsync(db => db.Resources.Where(r => r.Site!.Slug == site && r.Name == name).Select(r => r.Id).SingleAsync());

    public static Task<int> BookingCountAsync(this TestApp app) => app.WithDbAsync(db => db.Bookings.CountAsync());

    /// <summary>Submits a form of a page already shown (such as the confirmation screen) with its hidden fields.</summary>
    public static async Task<HttpResponseMessage> PostFormAsync(
        this HttpClient client, IDocument page, string formSelector, IDictionary<string, string>? fields = null)
    {
        var form = page.QuerySelector(formSelector) ?? throw new InvalidOperationException($"No form {formSelector}");
        fields ??= new Dictionary<string, string>();
        var values = form.QuerySelectorAll("input[type=hidden]")
            .Select(i => new KeyValuePair<string, string>(i.GetAttribute("name")!, i.GetAttribute("value") ?? ""))
            .Where(kv => !fields.ContainsKey(kv.Key))
            .Concat(fields)
            .ToList();
        return await client.PostAsync(new Uri(form.GetAttribute("action")!, UriKind.Relative), new FormUrlEncodedContent(values));
    }

    /// <summary>Fills the booking form (« Vérifier ») and returns the page it answers: the confirmation screen or the form with messages.</summary>
    public static async Task<IDocument> VerifyAsync(this HttpClient client, int resourceId, IDictionary<string, string> fields)
    {
        var response = await client.SubmitFormAsync($"/reserver?ressource={resourceId}", fields);
        var html = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == System.Net.HttpStatusCode.OK, $"« Vérifier »: {(int)response.StatusCode}\n{html[..Math.Min(html.Length, 2000)]}");
        return new AngleSharp.Html.Parser.HtmlParser().ParseDocument(html);
    }

    /// <summary>Books a desk of Luzech's shared space through the pages: form, confirmation screen, confirm.</summary>
    public static async Task<int> BookDeskThroughPagesAsync(this TestApp app, HttpClient client, string date, string period = "journee")
    {
        var desks = await app.ResourceAsync("luzech", "Espace partagé");
        var confirmation = await client.VerifyAsync(desks, new Dictionary<string, string> { ["Input.Date"] = date, ["Input.Period"] = period });
        var confirmed = await client.PostFormAsync(confirmation, "form[action*='handler=Confirm']");
        Assert.Equal(System.Net.HttpStatusCode.Redirect, confirmed.StatusCode);
        return await app.WithDbAsync(db => db.Bookings.OrderByDescending(b => b.Id).Select(b => b.Id).FirstAsync());
    }

    public static string Location(this HttpResponseMessage response) =>
        response.Headers.Location!.OriginalString.Replace("http://localhost", "", StringComparison.Ordinal);
}
