using Cotravail.Tests.Infrastructure;
using Cotravail.Web.Features.Newcomers;
using Microsoft.Extensions.DependencyInjection;

namespace Cotravail.Tests.Newcomers;

public sealed class OriginsAndIndicatorsTests
{
    [Theory]
    [InlineData("46140", "46", "Occitanie")]
    [InlineData("75011", "75", "Île-de-France")]
    [InlineData("20000", "2A", "Corse")]
    [InlineData("20200", "2B", "Corse")]
    [InlineData("97400", "974", "La Réunion")]
    [InlineData("01000", "01", "Auvergne-Rhône-Alpes")]
    public void A_french_postcode_gives_its_department_and_region(string postcode, string department, string region)
    {
        Assert.Equal(department, Origins.DepartmentOf(postcode));
        Assert.Equal(region, Origins.RegionOfDepartment(department));
    }

    [Theory]
    [InlineData("98000")]
    [InlineData("abcde")]
    [InlineData(null)]
    public void Other_codes_give_no_department(string? postcode) => Assert.Null(Origins.DepartmentOf(postcode));

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Indicators_count_requests_per_month_origins_and_settled_projects(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        // The demo inbox: Bordeaux (answered, 40 days ago), Paris (in progress), Belgium (new); then one settled from the Lot.
        var network = (await app.SiteAsync("luzech")).NetworkId;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var desk = scope.ServiceProvider.GetRequiredService<NewcomerInbox>();
            var r = await desk.SubmitAsync(network, new RequestForm
            {
                Kind = "person", Name = "Voisin", Phone = "0565000000", Project = "telework", OriginPostcode = "46000",
            }, CancellationToken.None);
            await desk.ChangeStatusAsync(r.Id, RequestStatus.Settled, "", "Test", CancellationToken.None);
        }
        await using var s2 = app.Services.CreateAsyncScope();
        var figures = await s2.ServiceProvider.GetRequiredService<NewcomerIndicators>()
            .ComputeAsync([network], new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31), CancellationToken.None);
        Assert.Equal(4, figures.Requests);
        Assert.Equal(1, figures.Settled);
        Assert.Equal(12, figures.Months.Count);
        Assert.Equal((1, 1), (figures.Months[11].Requests, figures.Months[11].Settled)); // December: today's
        Assert.Equal((2, 0), (figures.Months[10].Requests, figures.Months[10].Settled)); // 19 and 29 November
        Assert.Equal(1, figures.Months[9].Requests); // 22 October
        Assert.Contains(new OriginCount("Lot (46)", 1), figures.Departments);
        Assert.Contains(new OriginCount("Hors de France", 1), figures.Regions);
        Assert.Contains(new OriginCount("Occitanie", 1), figures.Regions);
        Assert.Contains(new OriginCount("Île-de-France", 1), figures.Regions);
    }
}
