using Cotravail.Web.Features.Booking;
using Cotravail.Web.Features.Sites;

namespace Cotravail.Web.Features.Events.Moving;

/// <summary>A refusal of a move: the field it concerns (null for the whole form), a French text (a localizer key), its arguments.</summary>
public sealed record MoveProblem(string? Field, string Message, params object[] Args);

/// <summary>
/// When an event may move, and where to (ADR 0042): not once cancelled or begun; to a time to come, other than the
/// current one, that leaves the people registered time to answer before the new date's registrations close; and, for
/// an event held at the site, while the site is open: it starts in one of its day's opening ranges and ends in one
/// (a lunch break between them is fine), on days without a closure or public holiday. Plain rules, no database.
/// </summary>
public static class MoveRules
{
    /// <summary>Why this event cannot move at all now, or null.</summary>
    public static MoveProblem? CannotMove(Event e, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(e);
        return e.Status switch
        {
            EventStatus.Cancelled => new MoveProblem(null, "Cet événement est annulé : il ne peut plus être déplacé."),
            EventStatus.Declined => new MoveProblem(null, "Cette proposition est déclinée : elle ne peut pas être déplacée."),
            _ when nowUtc >= e.StartUtc => new MoveProblem(null, "Cet événement a déjà commencé ou est passé : il ne peut plus être déplacé."),
            _ => null,
        };
    }

    /// <summary>Why the event cannot move to [<paramref name="startUtc"/>, <paramref name="endUtc"/>), or null. <paramref name="site"/> needs its hours and closures.</summary>
    public static MoveProblem? CannotMoveTo(Event e, Site site, DateTime startUtc, DateTime endUtc, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(e);
        ArgumentNullException.ThrowIfNull(site);
        if (CannotMove(e, nowUtc) is { } problem)
        {
            return problem;
        }
        if (startUtc <= nowUtc)
        {
            return new MoveProblem(nameof(MoveInput.Date), "La date est passée : choisissez une date à venir.");
        }
        if (startUtc == e.StartUtc && endUtc == e.EndUtc)
        {
            return new MoveProblem(nameof(MoveInput.Date), "L'événement a déjà lieu à cette date et à ces heures : choisissez-en d'autres.");
        }
        if (startUtc.AddMinutes(-e.RegistrationCloseMinutes) <= nowUtc)
        {
            return new MoveProblem(nameof(MoveInput.Date),
                "Les inscriptions de cette date seraient déjà closes : les inscrits n'auraient pas le temps de confirmer. Choisissez une date plus lointaine.");
        }
        return e.IsOnline ? null : OutsideHours(site, SiteTime.ToLocal(site, startUtc), SiteTime.ToLocal(site, endUtc));
    }

    /// <summary>Why the site is not open from <paramref name="start"/> to <paramref name="end"/> (local times), or null.</summary>
    public static MoveProblem? OutsideHours(Site site, DateTime start, DateTime end)
    {
        ArgumentNullException.ThrowIfNull(site);
        var first = DateOnly.FromDateTime(start);
        var last = DateOnly.FromDateTime(end);
        for (var day = first; day <= last; day = day.AddDays(1))
        {
            if (SiteCalendar.HoursOn(site, day) is null)
            {
                return SiteCalendar.ClosureOn(site, day) is { } reason
                    ? new MoveProblem(nameof(MoveInput.Date), "L'espace est fermé le {0} ({1}) : choisissez un autre jour.", Common.Format.LongDate(day), reason)
                    : new MoveProblem(nameof(MoveInput.Date), "L'espace est fermé le {0} : choisissez un jour d'ouverture.", Common.Format.LongDate(day));
            }
        }
        var startHours = SiteCalendar.HoursOn(site, first)!;
        var endHours = SiteCalendar.HoursOn(site, last)!;
        var startTime = TimeOnly.FromDateTime(start);
        var endTime = TimeOnly.FromDateTime(end);
        var startsOpen = Ranges(startHours).Any(r => startTime >= r.Opens && startTime < r.Closes);
        var endsOpen = Ranges(endHours).Any(r => endTime > r.Opens && endTime <= r.Closes);
        return startsOpen && endsOpen
            ? null
            : new MoveProblem(nameof(MoveInput.StartTime),
                "L'événement doit commencer et finir pendant les heures d'ouverture de l'espace ({0}) : choisissez d'autres heures.",
                string.Join(", ", Ranges(startHours).Select(r => $"{Common.Format.Time(r.Opens)} – {Common.Format.Time(r.Closes)}")));
    }

    private static IEnumerable<(TimeOnly Opens, TimeOnly Closes)> Ranges(OpeningHours h)
    {
        yield return (h.Opens, h.Closes);
        if (h.Opens2 is { } o2 && h.Closes2 is { } c2)
        {
            yield return (o2, c2);
        }
    }
}
