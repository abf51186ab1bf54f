using Cotravail.Web.Features.Sites;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Localization;

namespace Cotravail.Web.Features.Booking.Book;

/// <summary>
/// Reads the form into a <see cref="BookingRequest"/> with a French message next to each wrong field, and puts
/// the booking rules' messages (keyed by the API's field names) next to the matching inputs.
/// </summary>
internal static class BookForm
{
    public const string ResourceField = "Input.ResourceId";
    public const string DateField = "Input.Date";
    public const string PeriodField = "Input.Period";
    public const string StartField = "Input.Start";
    public const string EndField = "Input.End";

    private static readonly Dictionary<string, string> RuleFields = new(StringComparer.Ordinal)
    {
        ["resourceId"] = ResourceField,
        ["date"] = DateField,
        ["period"] = PeriodField,
        ["start"] = StartField,
        ["end"] = EndField,
    };

    /// <summary>The request, or null when a field is wrong (its message is then in <paramref name="errors"/>).</summary>
    public static BookingRequest? Read(IStringLocalizer T, BookInput input, Resource resource, DateOnly today, ModelStateDictionary errors)
    {
        var date = ReadDate(T, input.Date, today, errors);
        if (!resource.Kind.IsHourly())
        {
            if (!string.IsNullOrWhiteSpace(input.Start) || !string.IsNullOrWhiteSpace(input.End))
            {
                errors.AddModelError(PeriodField, T["Cet espace se réserve à la demi-journée ou à la journée : choisissez une période plutôt que des heures."]);
            }
            var period = PeriodSlug.Parse(input.Period);
            if (period is null)
            {
                errors.AddModelError(PeriodField, T["Choisissez une période : matin, après-midi ou journée."]);
            }
            return errors.ErrorCount == 0 ? new BookingRequest(resource.Id, date, period, null, null, input.Discovery) : null;
        }
        if (!string.IsNullOrWhiteSpace(input.Period))
        {
            errors.AddModelError(StartField, T["Cet espace se réserve à l'heure : indiquez un début et une fin plutôt qu'une période."]);
        }
        var start = ReadTime(T, input.Start, StartField, T["Indiquez l'heure de début."], errors);
        var end = ReadTime(T, input.End, EndField, T["Indiquez l'heure de fin."], errors);
        if (start is { } s && end is { } e && e != TimeOnly.MinValue && e <= s)
        {
            errors.AddModelError(EndField, T["La fin doit être après le début."]);
        }
        if (errors.ErrorCount > 0 || date is not { } day || start is null || end is null)
        {
            return null;
        }
        var endDay = end == TimeOnly.MinValue ? day.AddDays(1) : day; // « 00:00 » ends at midnight
        return new BookingRequest(resource.Id, null, null, day.ToDateTime(start.Value), endDay.ToDateTime(end.Value));
    }

    /// <summary>The rules' messages next to the inputs they are about (the others go to the summary).</summary>
    public static void AddRuleErrors(IStringLocalizer T, IReadOnlyDictionary<string, string[]> ruleErrors, ModelStateDictionary errors)
    {
        foreach (var (key, messages) in ruleErrors)
        {
            foreach (var message in messages)
            {
                errors.AddModelError(RuleFields.GetValueOrDefault(key, ""), T[message]);
            }
        }
    }

    private static DateOnly? ReadDate(IStringLocalizer T, string? text, DateOnly today, ModelStateDictionary errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            errors.AddModelError(DateField, T["Indiquez la date."]);
            return null;
        }
        if (!DayText.TryParse(text, out var day))
        {
            errors.AddModelError(DateField, T["« {0} » n'est pas une date valide : écrivez-la jj/mm/aaaa, par exemple 03/12/2026.", DayText.Cut(text)]);
            return null;
        }
        if (day < today)
        {
            errors.AddModelError(DateField, T["Cette date est passée."]);
            return null;
        }
        if (!DayText.IsReasonable(day, today))
        {
            errors.AddModelError(DateField, T["On ne peut pas réserver aussi longtemps à l'avance."]);
            return null;
        }
        return day;
    }

    private static TimeOnly? ReadTime(IStringLocalizer T, string? text, string field, string missing, ModelStateDictionary errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            errors.AddModelError(field, missing);
            return null;
        }
        if (!DayText.TryParseTime(text, out var time))
        {
            errors.AddModelError(field, T["« {0} » n'est pas une heure valide : écrivez-la hh:mm, par exemple 10:30.", DayText.Cut(text)]);
            return null;
        }
        return time;
    }
}
