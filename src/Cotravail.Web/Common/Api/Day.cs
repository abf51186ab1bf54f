using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Cotravail.Web.Common.Api;

/// <summary>
/// A day as the API writes it, <c>yyyy-MM-dd</c>, between the years 2000 and 2100 (<see cref="Dates.IsPlausible"/>).
/// Minimal APIs bind it from a query value through <see cref="TryParse(string?, IFormatProvider?, out Day)"/>; a value
/// that is not one answers 400 naming the field (<see cref="BindingProblems"/>).
/// </summary>
public readonly record struct Day(DateOnly Date) : IParsable<Day>
{
    public const string Format = "yyyy-MM-dd";

    /// <summary>What is expected, said to whoever sent something else.</summary>
    public const string Expected = "La date s'écrit AAAA-MM-JJ, entre l'an 2000 et l'an 2100.";

    public const string Required = "La date est obligatoire (AAAA-MM-JJ).";

    public static bool TryParse([NotNullWhen(true)] string? s, IFormatProvider? provider, out Day result)
    {
        if (DateOnly.TryParseExact(s, Format, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) && Dates.IsPlausible(date))
        {
            result = new Day(date);
            return true;
        }
        result = default;
        return false;
    }

    public static Day Parse(string s, IFormatProvider? provider) =>
        TryParse(s, provider, out var day) ? day : throw new FormatException(Expected);

    public override string ToString() => Date.ToString(Format, CultureInfo.InvariantCulture);
}
