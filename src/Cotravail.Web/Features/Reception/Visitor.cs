using Cotravail.Web.Features.Sites;

namespace Cotravail.Web.Features.Reception;

/// <summary>
/// A person reception welcomes: a member (with an account) or someone who came once without one. The name is kept with a
/// normalised copy (<see cref="SearchKey"/>: no accents, lower case) so reception finds « Helene » when typing « hél ».
/// </summary>
public sealed class Visitor
{
    public int Id { get; set; }

    /// <summary>The member's account, when they have one (unique: one visitor per account).</summary>
    public string? UserId { get; set; }
    public string FirstName { get; set; } = "";
    public string LastName { get; set; } = "";
    public string SearchKey { get; set; } = "";
    public string? Email { get; set; }

    /// <summary>Postcode of residence (feeds the observatory).</summary>
    public string? Postcode { get; set; }

    /// <summary>INSEE code of the commune of residence among the postcode's communes, when known (feeds the observatory).</summary>
    public string? CommuneInsee { get; set; }
    public DateTime CreatedAtUtc { get; set; }

    public string DisplayName => $"{FirstName} {LastName}".Trim();
}
