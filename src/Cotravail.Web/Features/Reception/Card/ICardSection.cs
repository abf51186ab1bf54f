namespace Cotravail.Web.Features.Reception.Card;

/// <summary>
/// Something else « Ma carte » shows the member for today (a personal Wi-Fi code, a door code). Features above
/// Reception implement it and register it; the card calls every registered one and knows none of them.
/// </summary>
public interface ICardSection
{
    /// <summary>Where the section comes on the card, smallest first.</summary>
    int Order { get; }

    /// <summary>The section for this member now, with texts already in the page's language; null when there is nothing to show.</summary>
    Task<CardSection?> ForAsync(string userId, CancellationToken ct);
}

/// <summary>A heading, its lines and an optional note under them.</summary>
public sealed record CardSection(string Heading, IReadOnlyList<CardLine> Lines, string? Note = null);

/// <summary>One thing to read out: « Luzech — porte d'entrée », « 482 915 », « de 9 h à 18 h ».</summary>
public sealed record CardLine(string Label, string Value, string? Detail = null);
