using Cotravail.Web.Features.Observatory;

namespace Cotravail.Tests.Observatory;

/// <summary>
/// The rules of <see cref="OriginGroups"/> (ADR 0051): a visit counts at its commune when its INSEE code is known, else at
/// what its postcode says for sure: 46140 is shared by communes of two intercommunalities, 46220 by three of one.
/// </summary>
public sealed class OriginGroupsTests
{
    private const string Ccvlv = "244600433";
    private const string CcvlvName = "CC de la Vallée du Lot et du Vignoble";

    private static OriginGroups Of(params Origin[] origins) => OriginGroups.Of(origins, [Ccvlv]);

    [Fact]
    public void A_visit_from_Luzech_by_its_INSEE_code_counts_at_Luzech_inside_the_intercommunality()
    {
        var groups = Of(new Origin("46140", 6) { Insee = "46182" });

        Assert.Equal([new OriginRow("Luzech (46140)", 6)], groups.Communes);
        Assert.Equal([new OriginRow(CcvlvName, 6, Inside: true)], groups.Epcis);
        Assert.Equal([new OriginRow("Lot (46)", 6)], groups.Departments);
        Assert.Equal([new OriginRow("Occitanie", 6)], groups.Regions);
        Assert.Equal((6, 0, 0), (groups.Inside, groups.Outside, groups.Undetermined));
    }

    [Fact]
    public void A_commune_of_46140_in_another_intercommunality_counts_outside()
    {
        var groups = Of(new Origin("46140", 3) { Insee = "46088" });

        Assert.Equal([new OriginRow("Douelle (46140)", 3)], groups.Communes);
        Assert.Equal([new OriginRow("CA du Grand Cahors", 3, Inside: false)], groups.Epcis);
        Assert.Equal((0, 3, 0), (groups.Inside, groups.Outside, groups.Undetermined));
    }

    [Fact]
    public void A_postcode_shared_by_two_intercommunalities_without_a_commune_is_undetermined_but_has_its_department()
    {
        var groups = Of(new Origin("46140", 5));

        Assert.Equal([new OriginRow("46140 — Albas, Anglars-Juillac, Bélaye et 9 autres", 5)], groups.Communes);
        Assert.Equal([new OriginRow(OriginGroups.SeveralEpcis, 5, Inside: false)], groups.Epcis);
        Assert.Equal([new OriginRow("Lot (46)", 5)], groups.Departments);
        Assert.Equal((0, 0, 5), (groups.Inside, groups.Outside, groups.Undetermined));
    }

    [Fact]
    public void A_postcode_whose_communes_share_one_intercommunality_counts_there_without_a_commune()
    {
        var groups = Of(new Origin("46220", 4));

        Assert.Equal([new OriginRow("46220 — Lagardelle, Pescadoires, Prayssac", 4)], groups.Communes);
        Assert.Equal([new OriginRow(CcvlvName, 4, Inside: true)], groups.Epcis);
        Assert.Equal((4, 0, 0), (groups.Inside, groups.Outside, groups.Undetermined));
    }

    [Fact]
    public void Visits_of_one_commune_add_up_whether_or_not_others_of_its_postcode_gave_it()
    {
        var groups = Of(new Origin("46140", 6) { Insee = "46182" }, new Origin("46140", 2) { Insee = "46182" }, new Origin("46140", 5));

        Assert.Equal([new OriginRow("Luzech (46140)", 8), new OriginRow("46140 — Albas, Anglars-Juillac, Bélaye et 9 autres", 5)], groups.Communes);
        Assert.Equal([new OriginRow("Lot (46)", 13)], groups.Departments);
        Assert.Equal((8, 0, 5), (groups.Inside, groups.Outside, groups.Undetermined));
    }

    [Fact]
    public void An_unknown_postcode_and_no_postcode_are_said_so()
    {
        var groups = Of(new Origin("99999", 2), new Origin("?", 1));

        Assert.Equal([new OriginRow("99999", 2), new OriginRow(OriginGroups.NotGiven, 1)], groups.Communes);
        Assert.Equal([new OriginRow(OriginGroups.NotGiven, 3)], groups.Epcis);
        Assert.Equal([new OriginRow(OriginGroups.NotGiven, 3)], groups.Departments);
        Assert.Equal([new OriginRow(OriginGroups.NotGiven, 3)], groups.Regions);
        Assert.Equal((0, 0, 3), (groups.Inside, groups.Outside, groups.Undetermined));
    }

    [Fact]
    public void The_public_subset_leaves_out_rows_under_five_and_suppresses_small_totals()
    {
        var groups = Of(new Origin("46140", 6) { Insee = "46182" }, new Origin("46140", 3) { Insee = "46088" }, new Origin("46140", 2)).Public();

        Assert.Equal([new OriginRow("Luzech (46140)", 6)], groups.Communes);
        Assert.Equal([new OriginRow(CcvlvName, 6, Inside: true)], groups.Epcis);
        Assert.Equal([new OriginRow("Lot (46)", 11)], groups.Departments);
        Assert.Equal((6, -1, -1), (groups.Inside, groups.Outside, groups.Undetermined)); // 3 and 2: « moins de 5 »
    }
}
