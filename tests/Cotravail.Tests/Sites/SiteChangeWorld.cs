using System.Net;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using Cotravail.Tests.Infrastructure;
using Cotravail.Web.Features.Billing;
using Cotravail.Web.Features.Billing.Entitlements;
using Cotravail.Web.Features.Billing.Products;
using Cotravail.Web.Features.Booking;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Tests.Sites;

/// <summary>Helpers of the tests of changes that cancel bookings: members who book at Prayssac, forms posted as a browser does.</summary>
internal static class SiteChangeWorld
{
    public static async Task<(int SiteId, int Desks, int Room, int Office)> PrayssacAsync(TestApp app)
    {
        var site = await app.SiteAsync("prayssac");
        return (site.Id, site.Resources.Single(r => r.Name == "Espace partagé").Id, site.Resources.Single(r => r.Name == "Salle de la Place").Id,
            site.Resources.Single(r => r.Name == "Bureau du Causse").Id);
    }

    /// <summary>A new member with an API client.</summary>
    public static async Task<(string Id, string Email, HttpClient Api)> MemberAsync(TestApp app, string name)
    {
        var user = await app.CreateUserAsync($"{name}@exemple.test");
        return (user.Id, user.Email!, await app.ApiClientAsync(user.Email!));
    }

    /// <summary>Books through the API; the booking's id.</summary>
    public static async Task<int> BookAsync(HttpClient member, object body)
    {
        var response = await member.PostJsonAsync("/api/v1/bookings", body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, text);
        return (await response.JsonAsync()).GetProperty("id").GetInt32();
    }

    /// <summary>A carnet of 10 days of the Prayssac network for <paramref name="userId"/>; its id.</summary>
    public static Task<int> GiveCarnetAsync(TestApp app, string userId, int siteId) => app.WithDbAsync(async db =>
    {
        var site = await db.Sites.SingleAsync(s => s.Id == siteId);
        var product = await db.Products.FirstAsync(p => p.SiteId == siteId && p.Kind == ProductKind.Carnet);
        var sequence = 900000 + await db.Invoices.CountAsync();
        var invoice = new Invoice
        {
            NetworkId = site.NetworkId, Kind = InvoiceKind.Invoice, Number = $"F2026-{sequence}", Year = 2026, Sequence = sequence,
            IssueDate = new(2026, 11, 20), IssuedAtUtc = new DateTime(2026, 11, 20, 9, 0, 0, DateTimeKind.Utc), DueDate = new(2026, 12, 20),
            IssuerName = "Réseau", IssuerAddress = "Mairie", UserId = userId, ClientName = "Membre", PaymentTerms = "30 jours",
            TotalExclTaxCents = 13000, TotalInclTaxCents = 13000,
        };
        db.Invoices.Add(invoice);
        await db.SaveChangesAsync();
        var carnet = new Entitlement
        {
            NetworkId = site.NetworkId, SiteId = siteId, ProductId = product.Id, UserId = userId, Kind = ProductKind.Carnet, Name = product.Name,
            Days = 10, StartsOn = new(2026, 11, 20), ExpiresOn = new(2027, 5, 19), InvoiceId = invoice.Id, CreatedAtUtc = TestApp.DefaultNow.UtcDateTime,
        };
        db.Entitlements.Add(carnet);
        await db.SaveChangesAsync();
        return carnet.Id;
    });

    public static Task<BookingStatus> StatusAsync(TestApp app, int bookingId) =>
        app.WithDbAsync(db => db.Bookings.Where(b => b.Id == bookingId).Select(b => b.Status).SingleAsync());

    /// <summary>The mails a change sent to <paramref name="email"/> (not the booking confirmations).</summary>
    public static List<MimeKit.MimeMessage> ChangeMails(TestApp app, string email) =>
        [.. app.Mails().Where(m => (m.Subject ?? "").StartsWith("Annulation à", StringComparison.Ordinal)
            && m.To.Mailboxes.Any(a => string.Equals(a.Address, email, StringComparison.OrdinalIgnoreCase)))];

    /// <summary>Posts the form <paramref name="selector"/> of <paramref name="page"/> (its hidden fields and the pressed button) to <paramref name="url"/>.</summary>
    public static Task<HttpResponseMessage> PostFormAsync(HttpClient client, string url, IDocument page, string selector, params (string Name, string Value)[] fields)
    {
        var form = page.QuerySelector(selector) ?? throw new InvalidOperationException($"No {selector} on the page:\n{page.Body?.TextContent}");
        var values = form.QuerySelectorAll("input[type=hidden]")
            .Select(i => new KeyValuePair<string, string>(i.GetAttribute("name") ?? "", i.GetAttribute("value") ?? "")).ToList();
        values.AddRange(fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)));
        var action = form.GetAttribute("action");
        return client.PostAsync(new Uri(string.IsNullOrEmpty(action) ? url : action, UriKind.Relative), new FormUrlEncodedContent(values));
    }

    /// <summary>The preview's rows, as read: kind, what, who, when.</summary>
    public static List<string> PreviewRows(IDocument page) =>
        [.. page.QuerySelectorAll(".impact-preview tbody tr").Select(r => r.Text())];

    /// <summary>The links of a mail's text that lead back to the application.</summary>
    public static List<string> Links(MimeKit.MimeMessage mail) =>
        [.. Regex.Matches(mail.TextBody ?? "", @"https?://\S+").Select(m => m.Value)];
}
