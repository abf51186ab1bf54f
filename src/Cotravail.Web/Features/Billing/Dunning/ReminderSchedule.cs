using System.Globalization;

namespace Cotravail.Web.Features.Billing.Dunning;

/// <summary>
/// The days after the due date when an invoice still due is reminded: <c>Billing:ReminderDays</c>, default 7 and 30
/// (a list, or « 7,30 »). Whole numbers from 1 to 365, sorted; step 1 is the first of them.
/// </summary>
public sealed class ReminderSchedule(IReadOnlyList<int> days)
{
    public const string Setting = "Billing:ReminderDays";
    public static readonly IReadOnlyList<int> Default = [7, 30];

    public IReadOnlyList<int> Days { get; } = [.. days.Where(d => d is >= 1 and <= 365).Distinct().Order()];

    public static ReminderSchedule Read(IConfiguration config)
    {
        ArgumentNullException.ThrowIfNull(config);
        var section = config.GetSection(Setting);
        IEnumerable<string?> values = section.Value is { } flat
            ? flat.Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries)
            : section.GetChildren().Select(c => c.Value);
        var days = values.Select(v => int.TryParse(v, NumberStyles.Integer, CultureInfo.InvariantCulture, out var d) ? d : 0).Where(d => d > 0).ToList();
        return new ReminderSchedule(section.Exists() ? days : Default);
    }

    /// <summary>
    /// The step to send now for an invoice due on <paramref name="dueDate"/> whose last reminder was step
    /// <paramref name="lastSent"/> (0 for none), sent on <paramref name="lastSentOn"/>: always the next step, never one
    /// skipped (a client first hears « Rappel », not « Rappel n° 2 »), once its day after the due date is reached and, after
    /// a first reminder, as many days after the previous one as the schedule puts between them (a job that was away, or
    /// invoices already late when reminders were switched on, do not send two steps in a row). Null when none is due.
    /// </summary>
    public (int Step, int DaysAfterDue)? Due(DateOnly dueDate, int lastSent, DateOnly? lastSentOn, DateOnly today)
    {
        if (lastSent < 0 || lastSent >= Days.Count || dueDate.AddDays(Days[lastSent]) > today)
        {
            return null;
        }
        if (lastSent > 0 && lastSentOn is { } previous && previous.AddDays(Days[lastSent] - Days[lastSent - 1]) > today)
        {
            return null;
        }
        return (lastSent + 1, Days[lastSent]);
    }
}
