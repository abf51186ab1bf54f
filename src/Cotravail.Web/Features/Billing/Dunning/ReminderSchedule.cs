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
    /// The step to send now for an invoice due on <paramref name="dueDate"/> whose last reminder was <paramref name="lastSent"/>
    /// (0 for none): the latest step reached, if later than the last sent; null when none is. A job that was away sends
    /// the latest step only, not every one it missed.
    /// </summary>
    public (int Step, int DaysAfterDue)? Due(DateOnly dueDate, int lastSent, DateOnly today)
    {
        for (var i = Days.Count - 1; i >= 0; i--)
        {
            if (dueDate.AddDays(Days[i]) <= today)
            {
                return i + 1 > lastSent ? (i + 1, Days[i]) : null;
            }
        }
        return null;
    }
}
