using Cotravail.Web.Features.Billing.Credits;
using Cotravail.Web.Features.Billing.Products;

namespace Cotravail.Tests.Billing;

/// <summary>The rules of a credit note, without a database.</summary>
public sealed class CreditRulesTests
{
    private static readonly DateOnly Today = new(2026, 12, 1);

    private static readonly CreditableLine Carnets = new(1, 1, "Carnet 10 journées – Luzech", 2, 12999, 0, 0);

    private static HeldDays Carnet(int id, int used) =>
        new(id, 1, "Marie Dupont", "Carnet 10 journées", ProductKind.Carnet, 10, used, Today, Today.AddMonths(6), false);

    private static CreditPlan Plan(CreditAsk ask, params HeldDays[] days) => CreditRules.Plan([Carnets], days, [], [], ask, Today);

    [Fact]
    public void What_is_left_to_credit_is_the_quantity_less_what_earlier_credit_notes_credited()
    {
        var line = Carnets with { CreditedQuantity = 1 };
        var plan = CreditRules.Plan([line], [], [], [], new CreditAsk("Erreur", new Dictionary<int, int> { [1] = 2 }, false), Today);
        Assert.Equal("Ligne 1 : il reste 1 à créditer, pas 2.", plan.Problems["line-1"].French());
        Assert.False(plan.IsValid);
    }

    [Fact]
    public void An_unused_carnet_is_withdrawn_whole_at_its_price_and_the_least_used_is_credited_first()
    {
        var plan = Plan(new CreditAsk("Erreur", new Dictionary<int, int> { [1] = 1 }, false), Carnet(10, used: 4), Carnet(11, used: 0));
        Assert.True(plan.IsValid);
        Assert.Equal(12999, plan.TotalInclTaxCents);
        Assert.Equal(11, Assert.Single(plan.Withdrawals).EntitlementId);
        Assert.Equal(0, plan.Withdrawals[0].NewDays);
        Assert.Equal("Carnet 10 journées de Marie Dupont : journées non utilisées retirées (10).", Assert.Single(plan.Undoes).French());
    }

    [Fact]
    public void A_used_carnet_is_refused_unless_only_its_unused_part_is_credited_rounded_up_to_the_cent()
    {
        var refused = Plan(new CreditAsk("Erreur", new Dictionary<int, int> { [1] = 1 }, false), Carnet(10, used: 3));
        Assert.Contains("journées déjà utilisées, 3 sur 10", refused.Problems["line-1"].French(), StringComparison.Ordinal);

        var plan = Plan(new CreditAsk("Erreur", new Dictionary<int, int> { [1] = 1 }, true), Carnet(10, used: 3));
        Assert.True(plan.IsValid);
        Assert.Equal(9100, plan.TotalInclTaxCents); // 129,99 € × 7/10 = 90,993 € → 91,00 €, in the member's favour
        Assert.Equal(3, plan.Withdrawals.Single().NewDays);
        Assert.Equal(1, plan.Lines.Single().CreditedQuantity);
        Assert.Equal("Carnet 10 journées de Marie Dupont : journées non utilisées retirées (7) ; les journées déjà utilisées (3) restent acquises.", plan.Undoes.Single().French());
    }

    [Fact]
    public void A_reason_is_required_and_at_most_500_characters()
    {
        Assert.Equal(CreditRules.NoReason, Plan(new CreditAsk(" ", new Dictionary<int, int> { [1] = 1 }, false), Carnet(10, 0)).Problems["reason"].Text);
        Assert.Equal(CreditRules.ReasonTooLong, Plan(new CreditAsk(new string('a', 501), new Dictionary<int, int> { [1] = 1 }, false), Carnet(10, 0)).Problems["reason"].Text);
        Assert.Equal(CreditRules.NothingChosen, Plan(new CreditAsk("Erreur", new Dictionary<int, int> { [1] = 0 }, false), Carnet(10, 0)).Problems["lines"].Text);
        Assert.Equal(CreditRules.UnknownLine, Plan(new CreditAsk("Erreur", new Dictionary<int, int> { [7] = 1 }, false), Carnet(10, 0)).Problems["line-7"].Text);
    }

    [Fact]
    public void Only_future_bookings_are_cancelled()
    {
        var line = new CreditableLine(1, 1, "Pass journée – Luzech – décembre 2026", 3, 1500, 0, 0);
        HeldBooking[] bookings =
        [
            new(1, 1, Today.AddDays(-1), "Tiers-lieu de Luzech", true),
            new(2, 1, Today.AddDays(7), "Tiers-lieu de Luzech", true),
            new(3, 1, Today.AddDays(9), "Tiers-lieu de Luzech", false),
        ];
        var plan = CreditRules.Plan([line], [], bookings, [], new CreditAsk("Erreur", new Dictionary<int, int> { [1] = 3 }, false), Today);
        Assert.Equal([2], plan.BookingsToCancel);
        Assert.Equal(4500, plan.TotalInclTaxCents);
        Assert.Contains(plan.Undoes, u => u.French() == "La réservation du mardi 8 décembre 2026 (Tiers-lieu de Luzech) sera annulée et sa place libérée.");
        Assert.Contains(plan.Undoes, u => u.French().StartsWith("1 réservation passée reste acquise", StringComparison.Ordinal));
    }

    [Fact]
    public void Pro_rata_rounds_up_to_the_cent()
    {
        Assert.Equal(14517, CreditRules.ProRata(15000, 30, 31));
        Assert.Equal(9100, CreditRules.ProRata(13000, 7, 10));
        Assert.Equal(0, CreditRules.ProRata(13000, 0, 10));
    }
}
