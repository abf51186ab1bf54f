using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Cotravail.Tests.Infrastructure;

namespace Cotravail.Tests.Sites;

/// <summary><c>GET /api/v1/communes?codePostal=</c>: the communes a form offers after a postcode (ADR 0051).</summary>
public sealed class CommunesApiTests(SharedApps apps) : IClassFixture<SharedApps>
{
    [Fact]
    public async Task A_postcode_gives_its_communes_with_their_INSEE_codes_in_alphabetical_order_to_anyone()
    {
        var app = await apps.GetAsync();
        var response = await app.CreateClient().GetAsync(new Uri("/api/v1/communes?codePostal=46140", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("public", response.Headers.CacheControl?.ToString(), StringComparison.Ordinal);
        var communes = (await response.Content.ReadFromJsonAsync<JsonElement>()).EnumerateArray()
            .Select(c => (c.GetProperty("insee").GetString(), c.GetProperty("nom").GetString())).ToList();
        Assert.Equal(12, communes.Count);
        Assert.Equal(("46001", "Albas"), communes[0]);
        Assert.Contains(("46182", "Luzech"), communes);
        Assert.Contains(("46088", "Douelle"), communes);
        var cahors = await app.CreateClient().GetFromJsonAsync<JsonElement>("/api/v1/communes?codePostal=%2046000%20");
        Assert.Equal("[{\"insee\":\"46042\",\"nom\":\"Cahors\"}]", cahors.GetRawText());
    }

    [Fact]
    public async Task A_well_formed_postcode_of_no_commune_has_nothing_to_choose()
    {
        var app = await apps.GetAsync();
        var none = await app.CreateClient().GetFromJsonAsync<JsonElement>("/api/v1/communes?codePostal=99999");
        Assert.Equal(0, none.GetArrayLength());
    }

    [Theory]
    [InlineData("")]
    [InlineData("?codePostal=")]
    [InlineData("?codePostal=4614")]
    [InlineData("?codePostal=461400")]
    [InlineData("?codePostal=46l40")]
    [InlineData("?codePostal=%3Cscript%3E")]
    public async Task A_malformed_postcode_is_a_problem_naming_the_field(string query)
    {
        var app = await apps.GetAsync();
        var response = await app.CreateClient().GetAsync(new Uri("/api/v1/communes" + query, UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Indiquez un code postal de 5 chiffres, par exemple codePostal=46140.", problem.GetProperty("errors").GetProperty("codePostal")[0].GetString());
    }
}
