using System.Diagnostics.CodeAnalysis;

namespace Cotravail.Web.Common.Api;

/// <summary>
/// Days from <see cref="From"/> to <see cref="To"/>, both included, as the API's <c>from</c> and <c>to</c> give them.
/// The rule: <c>to</c> is the same day as <c>from</c> or after, and a range may be capped; a broken rule is said about <c>to</c>.
/// </summary>
public readonly record struct DayRange
{
    public const string EndField = "to";

    public const string EndBeforeStart = "« to » doit être le même jour que « from » ou après.";

    private DayRange(DateOnly from, DateOnly to) => (From, To) = (from, to);

    public DateOnly From { get; }

    public DateOnly To { get; }

    /// <summary>How many days, both ends included.</summary>
    public int Days => To.DayNumber - From.DayNumber + 1;

    /// <summary>
    /// The range from <paramref name="from"/> to <paramref name="to"/>, or why not: <paramref name="to"/> before
    /// <paramref name="from"/>, or more than <paramref name="maxDays"/> days (said as <paramref name="maxInWords"/> when given).
    /// </summary>
    public static bool TryCreate(DateOnly from, DateOnly to, out DayRange range, [NotNullWhen(false)] out string? problem,
        int maxDays = int.MaxValue, string? maxInWords = null)
    {
        range = default;
        if (to < from)
        {
            problem = EndBeforeStart;
            return false;
        }
        if (to.DayNumber - from.DayNumber + 1 > maxDays)
        {
            problem = $"La période fait au plus {maxInWords ?? Plurals.French(maxDays, "{0} jour", "{0} jours")}.";
            return false;
        }
        range = new DayRange(from, to);
        problem = null;
        return true;
    }
}
