namespace Cotravail.Web.Features.Entrepreneurs;

public enum ProfileKind
{
    Person,
    Company,
    Association,
}

/// <summary>Who may see a profile. Hidden is the default: nothing shows a hidden profile anywhere.</summary>
public enum Visibility
{
    Hidden,
    Members,
    Public,
}

/// <summary>
/// A « fiche » of the entrepreneurs' directory: one per account, for a person or an organisation. Its visibility is
/// the owner's explicit choice, with the date it was given (RGPD consent) and the date it was withdrawn.
/// A manager may suspend a reported profile: it is then hidden whatever its owner chose.
/// </summary>
public sealed class Profile
{
    public int Id { get; set; }
    public string OwnerUserId { get; set; } = "";
    public ProfileKind Kind { get; set; }
    public string Name { get; set; } = "";

    /// <summary>NAF section letter (A–U), see <see cref="NafSections"/>.</summary>
    public string? Sector { get; set; }

    /// <summary>Skills as written, comma-separated.</summary>
    public string Skills { get; set; } = "";

    /// <summary>Normalised skills: « |eco construction|charpente| ».</summary>
    public string SkillsKey { get; set; } = "||";

    public string Commune { get; set; } = "";
    public string Postcode { get; set; } = "";
    public string? Website { get; set; }

    /// <summary>Markdown, shown sanitised.</summary>
    public string Presentation { get; set; } = "";

    public string Offers { get; set; } = "";
    public string Seeks { get; set; } = "";

    /// <summary>Normalised name, skills, commune, texts: what the directory search reads.</summary>
    public string SearchText { get; set; } = "";

    public Visibility Visibility { get; set; }
    public DateTime? ConsentAtUtc { get; set; }
    public DateTime? WithdrawnAtUtc { get; set; }

    /// <summary>When the profile last became visible (the weekly digest lists the new ones).</summary>
    public DateTime? VisibleSinceUtc { get; set; }

    public bool IsSuspended { get; set; }
    public bool HasPhoto { get; set; }
    public int PhotoVersion { get; set; }
    public DateTime CreatedAtUtc { get; set; }
    public DateTime UpdatedAtUtc { get; set; }

    public IReadOnlyList<string> SkillList => Entrepreneurs.SearchText.Tags(Skills);

    /// <summary>Recomputes the stored search columns after an edit.</summary>
    public void Index()
    {
        var tags = Entrepreneurs.SearchText.Tags(Skills);
        Skills = string.Join(", ", tags);
        SkillsKey = Entrepreneurs.SearchText.TagKey(tags);
        SearchText = Entrepreneurs.SearchText.Of(Name, Skills, Commune, Postcode, NafSections.Label(Sector), Offers, Seeks, Presentation);
    }
}
