using Cotravail.Web.Common;

namespace Cotravail.Tests.Common;

/// <summary>The reference of French communes: postcodes shared by several communes, INSEE codes, intercommunalities.</summary>
public sealed class CommunesTests
{
    [Fact]
    public void A_postcode_shared_by_several_communes_lists_them_all_in_alphabetical_order()
    {
        var names = Communes.At("46140").ToList();
        Assert.Contains("Luzech", names);
        Assert.Contains("Albas", names);
        Assert.True(names.Count >= 5, string.Join(", ", names));
        Assert.Equal(names.Order(StringComparer.Create(System.Globalization.CultureInfo.GetCultureInfo("fr-FR"), true)), names);
    }

    [Fact]
    public void A_commune_carries_its_insee_code_intercommunality_department_and_region()
    {
        var luzech = Communes.FindCommune("46140", "luzech");
        Assert.NotNull(luzech);
        Assert.Equal("46182", luzech.Insee);
        Assert.Equal("CC de la Vallée du Lot et du Vignoble", Communes.EpciName(luzech.EpciSiren));
        Assert.Equal("Lot", Communes.DepartmentOf(luzech.Department)?.Name);
        Assert.Equal("Occitanie", Communes.RegionName(Communes.DepartmentOf(luzech.Department)?.Region));
        Assert.Same(luzech, Communes.ByInsee("46182"));
    }

    [Theory]
    [InlineData("46700", "puy l'eveque", "Puy-l'Évêque")]
    [InlineData("75011", "PARIS", "Paris")]
    [InlineData("20000", "ajaccio", "Ajaccio")]
    [InlineData("97400", "saint-denis", "Saint-Denis")]
    public void Names_compare_without_accents_or_case_everywhere_in_France(string postcode, string typed, string official) =>
        Assert.Equal(official, Communes.Find(postcode, typed));

    [Fact]
    public void Corsica_and_overseas_departments_have_their_own_codes()
    {
        Assert.Equal("2A", Communes.DepartmentOfPostcode("20000")?.Code);
        Assert.Equal("Corse", Communes.RegionName(Communes.DepartmentOfPostcode("20000")?.Region));
        Assert.Equal("974", Communes.DepartmentOfPostcode("97400")?.Code);
    }

    [Theory]
    [InlineData("99999")]
    [InlineData("00000")]
    public void An_unknown_postcode_has_no_commune(string postcode)
    {
        Assert.Empty(Communes.At(postcode));
        Assert.Null(Communes.DepartmentOfPostcode(postcode));
        Assert.Null(Communes.Find(postcode, "Luzech"));
    }
}
