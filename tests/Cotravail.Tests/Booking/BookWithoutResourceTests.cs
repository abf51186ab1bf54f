using Cotravail.Tests.Infrastructure;

namespace Cotravail.Tests.Booking;

/// <summary>« Réserver un poste » links (the newcomers' page and e-mail) lead to /reserver without a resource.</summary>
public sealed class BookWithoutResourceTests
{
    [Fact]
    public async Task Booking_without_a_resource_lists_the_open_sites_and_their_spaces_to_choose_from()
    {
        await using var app = await TestApp.StartAsync();
        var client = app.Browser();
        await client.SignInAsync(TestApp.MemberEmail);
        var desks = await app.ResourceAsync("prayssac", "Espace partagé");

        var page = await client.GetDocumentAsync("/reserver");

        Assert.DoesNotContain("n'existe pas", page.Body.Text(), StringComparison.Ordinal);
        var sites = page.QuerySelectorAll("main h2").Select(h => h.Text()).ToList();
        Assert.Contains(sites, s => s.StartsWith("Tiers-lieu de Luzech", StringComparison.Ordinal));
        Assert.Contains(sites, s => s.StartsWith("Tiers-lieu de Prayssac", StringComparison.Ordinal));
        Assert.Equal(3, sites.Count);
        var link = page.QuerySelectorAll("main a").Single(a => a.GetAttribute("href") == $"/reserver?ressource={desks}");
        Assert.Equal("Espace partagé", link.Text());

        var form = await client.GetDocumentAsync(link.GetAttribute("href")!);
        Assert.NotNull(form.QuerySelector("#Input_Date"));
    }

    [Fact]
    public async Task An_unknown_resource_still_says_so()
    {
        await using var app = await TestApp.StartAsync();
        var client = app.Browser();
        await client.SignInAsync(TestApp.MemberEmail);

        var page = await client.GetDocumentAsync("/reserver?ressource=999999");

        Assert.Contains("Cet espace à réserver n'existe pas (ou plus)", page.Body.Text(), StringComparison.Ordinal);
    }
}
