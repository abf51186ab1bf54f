using Cotravail.Web.Features.Sites;

namespace Cotravail.Web.Features.Billing.Products;

/// <summary>What a site sells.</summary>
public enum ProductKind
{
    DayPass = 0,
    HalfDayPass = 1,
    MeetingRoomHour = 2,
    /// <summary>N days to use within a validity in months.</summary>
    Carnet = 3,
    /// <summary>One month, unlimited or N days in the month.</summary>
    Subscription = 4,
    /// <summary>A private office by the month.</summary>
    OfficeRent = 5,
}

/// <summary>The categories entitled to a reduced price once a host has checked the member's proof.</summary>
public enum MemberCategory
{
    JobSeeker = 0,
    Student = 1,
}

public static class ProductText
{
    public static string French(this ProductKind kind) => kind switch
    {
        ProductKind.DayPass => "pass d'une journée",
        ProductKind.HalfDayPass => "pass d'une demi-journée",
        ProductKind.MeetingRoomHour => "heure de salle de réunion",
        ProductKind.Carnet => "carnet de journées",
        ProductKind.Subscription => "abonnement mensuel",
        _ => "location de bureau (par mois)",
    };

    public static string French(this MemberCategory category) => category switch
    {
        MemberCategory.JobSeeker => "demandeur·euse d'emploi",
        _ => "étudiant·e",
    };

    public static string ApiName(this ProductKind kind) => kind switch
    {
        ProductKind.DayPass => "dayPass",
        ProductKind.HalfDayPass => "halfDayPass",
        ProductKind.MeetingRoomHour => "meetingRoomHour",
        ProductKind.Carnet => "carnet",
        ProductKind.Subscription => "subscription",
        _ => "officeRent",
    };

    /// <summary>Products that give days to use (an entitlement) rather than a single charge.</summary>
    public static bool GivesDays(this ProductKind kind) => kind is ProductKind.Carnet or ProductKind.Subscription;
}

/// <summary>
/// A product of a site, price VAT included in cents, with optional reduced prices per category. Archived products
/// are kept (invoices and entitlements refer to them) but can no longer be bought.
/// </summary>
public sealed class Product
{
    public int Id { get; set; }
    public int SiteId { get; set; }
    public Site? Site { get; set; }
    public ProductKind Kind { get; set; }
    public string Name { get; set; } = "";
    public int PriceCents { get; set; }
    public int? JobSeekerPriceCents { get; set; }
    public int? StudentPriceCents { get; set; }

    /// <summary>Carnet: its number of days. Subscription: days a month, or null for unlimited.</summary>
    public int? Days { get; set; }

    /// <summary>Carnet: how many months it stays valid after purchase.</summary>
    public int? ValidityMonths { get; set; }
    public bool IsArchived { get; set; }
    public int SortOrder { get; set; }

    /// <summary>The price for a member holding these validated categories: the lowest that applies.</summary>
    public int PriceFor(IReadOnlyCollection<MemberCategory> categories)
    {
        ArgumentNullException.ThrowIfNull(categories);
        var price = PriceCents;
        if (categories.Contains(MemberCategory.JobSeeker) && JobSeekerPriceCents is { } j)
        {
            price = Math.Min(price, j);
        }
        if (categories.Contains(MemberCategory.Student) && StudentPriceCents is { } s)
        {
            price = Math.Min(price, s);
        }
        return price;
    }

    /// <summary>« 10 journées, valable 6 mois », « illimité », « 8 journées par mois »: what it gives, in French.</summary>
    public string Terms() => Kind switch
    {
        ProductKind.Carnet => $"{Days} journées, valable {ValidityMonths} mois",
        ProductKind.Subscription => Days is { } d ? $"{d} journées par mois" : "accès illimité, un mois",
        _ => "",
    };
}
