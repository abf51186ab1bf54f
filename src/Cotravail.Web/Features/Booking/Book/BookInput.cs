using System.ComponentModel.DataAnnotations;

namespace Cotravail.Web.Features.Booking.Book;

/// <summary>
/// The booking form as typed: strings, so that a date such as « 2026-02-31 » gets its own French message.
/// A desk or an office takes <see cref="Date"/> + <see cref="Period"/>; a room or a booth <see cref="Date"/> +
/// <see cref="Start"/> + <see cref="End"/>.
/// </summary>
public sealed class BookInput
{
    public string? ResourceId { get; set; }

    [Display(Name = "Date")]
    public string? Date { get; set; }

    /// <summary>matin, apres-midi or journee (the words of the page's address).</summary>
    [Display(Name = "Période")]
    public string? Period { get; set; }

    [Display(Name = "Début")]
    public string? Start { get; set; }

    [Display(Name = "Fin")]
    public string? End { get; set; }

    /// <summary>The person asks for their one free discovery day (a desk only).</summary>
    [Display(Name = "Utiliser ma journée découverte gratuite")]
    public bool Discovery { get; set; }
}

/// <summary>The periods as they appear in the page's address: <c>periode=matin|apres-midi|journee</c>.</summary>
public static class PeriodSlug
{
    public static readonly IReadOnlyList<Period> All = [Period.Morning, Period.Afternoon, Period.Day];

    public static string Of(Period period) => period switch
    {
        Period.Morning => "matin",
        Period.Afternoon => "apres-midi",
        _ => "journee",
    };

    public static Period? Parse(string? text) => text?.Trim().ToLowerInvariant() switch
    {
        "matin" => Period.Morning,
        "apres-midi" or "après-midi" => Period.Afternoon,
        "journee" or "journée" => Period.Day,
        _ => null,
    };
}
