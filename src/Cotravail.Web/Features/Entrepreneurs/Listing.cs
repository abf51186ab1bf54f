namespace Cotravail.Web.Features.Entrepreneurs;

public enum ListingKind
{
    Offer,
    Need,
}

public enum ListingCategory
{
    Service,
    Collaboration,
    Subcontracting,
    Equipment,
    CarSharing,
    Other,
}

/// <summary>An « annonce » of the board: « je propose » (offer) or « je cherche » (need), open until its expiry date.</summary>
public sealed class Listing
{
    public const int MaxMonths = 6;

    public int Id { get; set; }
    public int ProfileId { get; set; }
    public Profile? Profile { get; set; }
    public ListingKind Kind { get; set; }
    public ListingCategory Category { get; set; }
    public string Title { get; set; } = "";
    public string Body { get; set; } = "";

    /// <summary>Activity sector concerned (NAF section letter), optional.</summary>
    public string? Sector { get; set; }

    /// <summary>Skills wanted or offered (tags), used by suggestions.</summary>
    public string Skills { get; set; } = "";
    public string SkillsKey { get; set; } = "||";
    public string SearchText { get; set; } = "";

    /// <summary>Last day the listing is shown (Paris date).</summary>
    public DateOnly ExpiresOn { get; set; }

    public DateTime CreatedAtUtc { get; set; }
    public DateTime? ClosedAtUtc { get; set; }

    /// <summary>Hidden by a manager after a report.</summary>
    public bool IsHidden { get; set; }

    public void Index()
    {
        var tags = Entrepreneurs.SearchText.Tags(Skills);
        Skills = string.Join(", ", tags);
        SkillsKey = Entrepreneurs.SearchText.TagKey(tags);
        SearchText = Entrepreneurs.SearchText.Of(Title, Skills, Body);
    }
}

public static class ListingText
{
    public static string Kind(ListingKind k) => k == ListingKind.Offer ? "Je propose" : "Je cherche";

    public static string Category(ListingCategory c) => c switch
    {
        ListingCategory.Service => "Service",
        ListingCategory.Collaboration => "Collaboration",
        ListingCategory.Subcontracting => "Sous-traitance",
        ListingCategory.Equipment => "Matériel à prêter",
        ListingCategory.CarSharing => "Covoiturage",
        _ => "Autre",
    };

    public static string ProfileKind(ProfileKind k) => k switch
    {
        Entrepreneurs.ProfileKind.Company => "Entreprise",
        Entrepreneurs.ProfileKind.Association => "Association",
        _ => "Personne",
    };

    public static string Visibility(Visibility v) => v switch
    {
        Entrepreneurs.Visibility.Public => "Publique",
        Entrepreneurs.Visibility.Members => "Membres seulement",
        _ => "Masquée",
    };
}
