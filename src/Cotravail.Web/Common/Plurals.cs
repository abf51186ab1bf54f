using System.Globalization;
using Microsoft.Extensions.Localization;

namespace Cotravail.Web.Common;

/// <summary>
/// Counted texts: « 1 réponse », « 2 réponses ». Each form is its own resource key (the French text, with <c>{0}</c> for
/// the count), translated like any other text. French takes the singular for 0 and 1 (« 0 réponse comptée »), English
/// for 1 only (« 0 answers »): the form is chosen by the language the text is shown in.
/// </summary>
public static class Plurals
{
    /// <summary>True when <paramref name="count"/> takes the singular in <paramref name="culture"/> (current UI culture by default).</summary>
    public static bool IsSingular(long count, CultureInfo? culture = null) =>
        (culture ?? CultureInfo.CurrentUICulture).TwoLetterISOLanguageName == "fr" ? Math.Abs(count) < 2 : count == 1;

    /// <summary>The form of <paramref name="one"/> or <paramref name="other"/> for <paramref name="count"/>, formatted with the count first.</summary>
    public static LocalizedString Plural(this IStringLocalizer localizer, long count, string one, string other, params object[] more)
    {
        ArgumentNullException.ThrowIfNull(localizer);
        ArgumentNullException.ThrowIfNull(more);
        object[] arguments = [count, .. more];
        return localizer[IsSingular(count) ? one : other, arguments];
    }

    /// <summary>The French form, for texts that are always French (e-mails, invoices).</summary>
    public static string French(long count, string one, string other, params object[] more)
    {
        ArgumentNullException.ThrowIfNull(more);
        object[] arguments = [count, .. more];
        return string.Format(Localisation.French, IsSingular(count, Localisation.French) ? one : other, arguments);
    }
}
