using System.Net;
using System.Text;
using Cotravail.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Tests.Security;

/// <summary>The API reads small bodies only: a large one is refused with 413 before it fills the memory.</summary>
public sealed class BodyLimitTests
{
    /// <summary>A booking request padded with an unknown field to <paramref name="bytes"/> bytes.</summary>
    private static string PaddedBooking(int resourceId, int bytes)
    {
        var start = $"{{\"resourceId\":{resourceId},\"date\":\"2026-12-03\",\"period\":\"day\",\"remplissage\":\"";
        return start + new string('a', Math.Max(0, bytes - start.Length - 2)) + "\"}";
    }

    /// <summary>A body sent without Content-Length (chunked), as a program streaming its JSON does.</summary>
    private sealed class StreamedContent(string text) : HttpContent
    {
        protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
            stream.WriteAsync(Encoding.UTF8.GetBytes(text)).AsTask();

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }

    [Fact]
    public async Task A_one_megabyte_booking_request_is_refused_with_413_in_french_and_books_nothing()
    {
        await using var app = await TestApp.StartAsync();
        var member = await app.ApiClientAsync(TestApp.MemberEmail);
        var desks = await app.WithDbAsync(db => db.Resources.Where(r => r.Site!.Slug == "luzech" && r.Name == "Espace partagé").Select(r => r.Id).SingleAsync());
        var before = await app.WithDbAsync(db => db.Bookings.CountAsync());

        foreach (var content in new HttpContent[]
        {
            new StringContent(PaddedBooking(desks, 1024 * 1024), Encoding.UTF8, "application/json"),
            new StreamedContent(PaddedBooking(desks, 1024 * 1024)) { Headers = { ContentType = new("application/json") } },
        })
        {
            using (content)
            {
                var response = await member.PostAsync(new Uri("/api/v1/bookings", UriKind.Relative), content);

                Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
                Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
                Assert.Equal("Requête trop volumineuse.", (await response.JsonAsync()).GetProperty("title").GetString());
            }
        }
        Assert.Equal(before, await app.WithDbAsync(db => db.Bookings.CountAsync()));

        // A request of ordinary size goes through.
        using var ordinary = new StringContent(PaddedBooking(desks, 4 * 1024), Encoding.UTF8, "application/json");
        Assert.Equal(HttpStatusCode.Created, (await member.PostAsync(new Uri("/api/v1/bookings", UriKind.Relative), ordinary)).StatusCode);
    }
}
