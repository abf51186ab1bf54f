using AngleSharp.Dom;
using Cotravail.Tests.Infrastructure;
using Cotravail.Web.Features.Accounts;
using Cotravail.Web.Features.Billing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Cotravail.Tests.Billing;

/// <summary>What the till's tests arrange (people with invoices) and how they send its forms (fields that repeat, as ticked boxes do).</summary>
internal static class TillForms
{
    public const string Till = "/accueil/luzech/caisse";

    /// <summary>Opens <paramref name="page"/>, keeps the hidden fields of the form matching <paramref name="form"/>, adds <paramref name="fields"/> and sends it to its action.</summary>
    public static async Task<HttpResponseMessage> PostAsync(this HttpClient client, string page, string form, params (string Name, string Value)[] fields)
    {
        var document = await client.GetDocumentAsync(page);
        var element = document.QuerySelector(form) ?? throw new InvalidOperationException($"No form {form} on {page}");
        var values = element.QuerySelectorAll("input[type=hidden]")
            .Where(i => i.GetAttribute("name") is { } name && fields.All(f => f.Name != name))
            .Select(i => new KeyValuePair<string, string>(i.GetAttribute("name")!, i.GetAttribute("value") ?? "")).ToList();
        values.AddRange(fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)));
        return await client.PostAsync(new Uri(element.GetAttribute("action")!, UriKind.Relative), new FormUrlEncodedContent(values));
    }

    public static async Task<AppUser> PersonAsync(this TestApp app, string email, string firstName, string lastName)
    {
        var user = await app.CreateUserAsync(email);
        await app.WithDbAsync(async db =>
        {
            var u = await db.Users.SingleAsync(x => x.Id == user.Id);
            u.FirstName = firstName;
            u.LastName = lastName;
            return await db.SaveChangesAsync();
        });
        return user;
    }

    /// <summary>An invoice of <paramref name="cents"/> to the person in the network, dated <paramref name="issued"/> when given.</summary>
    public static async Task<Invoice> InvoiceAsync(this TestApp app, int networkId, AppUser person, int cents, DateOnly? issued = null)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var invoice = await scope.ServiceProvider.GetRequiredService<InvoiceIssuer>().IssueAsync(networkId,
            new ClientIdentity(person.Id, $"{person.FirstName} {person.LastName}", null, person.Email), [new LineRequest("Pass journée", 1, cents, 2000)], CancellationToken.None);
        if (issued is { } day)
        {
            await app.WithDbAsync(db => db.Invoices.Where(i => i.Id == invoice.Id).ExecuteUpdateAsync(s => s.SetProperty(i => i.IssueDate, day)));
        }
        return invoice;
    }

    public static Task<int> NetworkAsync(this TestApp app) => app.WithDbAsync(db => db.Sites.Where(s => s.Slug == "luzech").Select(s => s.NetworkId).SingleAsync());

    /// <summary>A table row as a reader goes through it: its cells, separated by « | ».</summary>
    public static string Cells(this IElement row) => string.Join(" | ", row.Children.Select(c => c.Text()));

    /// <summary>The error shown under a field (its id, as the page writes it).</summary>
    public static string FieldError(this IDocument page, string id) => page.QuerySelector($"#{id}-error").Text();
}
