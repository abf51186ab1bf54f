using Cotravail.Web.Features.Sites;

namespace Cotravail.Web.Features.Booking;

/// <summary>
/// Whether a request may be booked, before the database is asked for a place: opening hours, closures, past,
/// horizon, 30-minute steps, daylight-saving changes. Pure: the site (with hours and closures), the resource and now.
/// </summary>
public static class BookingRules
{
    public static readonly TimeSpan Step = TimeSpan.FromMinutes(30);

    public static RuleResult Check(Site site, Resource resource, BookingRequest request, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(site);
        ArgumentNullException.ThrowIfNull(resource);
        ArgumentNullException.ThrowIfNull(request);
        return resource.Kind.IsHourly()
            ? CheckHourly(site, resource, request, nowUtc)
            : CheckPeriod(site, resource, request, nowUtc);
    }

    private static RuleResult CheckPeriod(Site site, Resource resource, BookingRequest request, DateTime nowUtc)
    {
        var result = new RuleResult();
        if (request.Start is not null || request.End is not null)
        {
            result.Add("start", "Ce type d'espace se réserve à la demi-journée ou à la journée : indiquez date et period, pas start et end.");
        }
        if (request.Date is not { } date)
        {
            result.Add("date", "La date est obligatoire (AAAA-MM-JJ).");
        }
        if (request.Period is not { } period)
        {
            result.Add("period", "La période est obligatoire : morning, afternoon ou day.");
        }
        if (result.Errors.Count > 0)
        {
            return result;
        }
        if (!CheckDay(site, request.Date!.Value, nowUtc, result, "date", out var hours))
        {
            return result;
        }
        var (start, end) = request.Period switch
        {
            Period.Morning => HalfDays.Morning(site, hours!),
            Period.Afternoon => HalfDays.Afternoon(site, hours!),
            _ => (hours!.Opens, hours.Closes2 ?? hours.Closes),
        };
        if (end <= start)
        {
            return result.Add("period", request.Period == Period.Morning
                ? "L'espace n'est pas ouvert le matin ce jour-là."
                : "L'espace n'est pas ouvert l'après-midi ce jour-là.");
        }
        var zone = SiteClock.Zone(site);
        var startUtc = SiteTime.ToUtcLenient(zone, request.Date.Value, start);
        var endUtc = SiteTime.ToUtcLenient(zone, request.Date.Value, end);
        if (endUtc <= nowUtc)
        {
            return result.Add("period", "Cette période est déjà passée.");
        }
        return new RuleResult
        {
            Plan = new BookingPlan(site.Id, resource.Id, request.Date.Value, request.Period, start, end, startUtc, endUtc,
                request.Period!.Value.Halves(), [], resource.BookableUnits(),
                Tariff.PriceCents(site, resource.Kind, request.Period, end - start), resource.Kind, site.NetworkId),
        };
    }

    private static RuleResult CheckHourly(Site site, Resource resource, BookingRequest request, DateTime nowUtc)
    {
        var result = new RuleResult();
        if (!HasStartAndEnd(request, result) || !OnHalfHoursOfOneDay(request.Start!.Value, request.End!.Value, result))
        {
            return result;
        }
        var (startLocal, endLocal) = (request.Start!.Value, request.End!.Value);
        var date = DateOnly.FromDateTime(startLocal);
        if (!ToSiteUtc(site, startLocal, endLocal, result, out var startUtc, out var endUtc)
            || !CheckDay(site, date, nowUtc, result, "start", out var hours))
        {
            return result;
        }
        var (from, to) = (TimeOnly.FromDateTime(startLocal), endLocal.TimeOfDay == TimeSpan.Zero ? TimeOnly.MaxValue : TimeOnly.FromDateTime(endLocal));
        if (!hours!.Covers(from, to))
        {
            return result.Add("end", "La réservation doit tenir dans les horaires d'ouverture de l'espace.");
        }
        if (startUtc <= nowUtc)
        {
            return result.Add("start", "Ce créneau a déjà commencé ou est passé.");
        }
        return new RuleResult
        {
            Plan = new BookingPlan(site.Id, resource.Id, date, null, from, TimeOnly.FromDateTime(endLocal), startUtc, endUtc,
                [], HalfHourSlots(startUtc, endUtc), 1, Tariff.PriceCents(site, resource.Kind, null, endUtc - startUtc), resource.Kind, site.NetworkId),
        };
    }

    /// <summary>An hourly space takes a start and an end, and no period (nor a date alone).</summary>
    private static bool HasStartAndEnd(BookingRequest request, RuleResult result)
    {
        if (request.Period is not null || (request.Date is not null && request.Start is null))
        {
            result.Add("period", "Cet espace se réserve à l'heure : indiquez start et end (heure locale), pas de période.");
        }
        if (request.Start is null)
        {
            result.Add("start", "Le début est obligatoire (AAAA-MM-JJTHH:MM, heure locale de l'espace).");
        }
        if (request.End is null)
        {
            result.Add("end", "La fin est obligatoire (AAAA-MM-JJTHH:MM, heure locale de l'espace).");
        }
        return result.Errors.Count == 0;
    }

    /// <summary>Both ends on the hour or the half hour, the end after the start and on the same day (or at its midnight).</summary>
    private static bool OnHalfHoursOfOneDay(DateTime startLocal, DateTime endLocal, RuleResult result)
    {
        if (!OnStep(startLocal))
        {
            result.Add("start", "Le début doit tomber à l'heure pile ou à la demie (par exemple 10:00 ou 10:30).");
        }
        if (!OnStep(endLocal))
        {
            result.Add("end", "La fin doit tomber à l'heure pile ou à la demie (par exemple 11:00 ou 11:30).");
        }
        if (endLocal <= startLocal)
        {
            result.Add("end", "La fin doit être après le début.");
        }
        else if (DateOnly.FromDateTime(endLocal) != DateOnly.FromDateTime(startLocal) && endLocal.TimeOfDay != TimeSpan.Zero)
        {
            result.Add("end", "Une réservation à l'heure commence et finit le même jour.");
        }
        return result.Errors.Count == 0;
    }

    /// <summary>The site's local times in UTC; a time the clocks skip or repeat (daylight saving) is refused.</summary>
    private static bool ToSiteUtc(Site site, DateTime startLocal, DateTime endLocal, RuleResult result, out DateTime startUtc, out DateTime endUtc)
    {
        var zone = SiteClock.Zone(site);
        (startUtc, var startProblem) = SiteTime.ToUtc(zone, DateOnly.FromDateTime(startLocal), TimeOnly.FromDateTime(startLocal));
        (endUtc, var endProblem) = SiteTime.ToUtc(zone, DateOnly.FromDateTime(endLocal), TimeOnly.FromDateTime(endLocal));
        AddTimeProblem(result, "start", startProblem, startLocal);
        AddTimeProblem(result, "end", endProblem, endLocal);
        return result.Errors.Count == 0;
    }

    /// <summary>The 30-minute slots a booking holds (its guard rows).</summary>
    private static List<DateTime> HalfHourSlots(DateTime startUtc, DateTime endUtc)
    {
        var slots = new List<DateTime>();
        for (var t = startUtc; t < endUtc; t += Step)
        {
            slots.Add(t);
        }
        return slots;
    }

    /// <summary>The day is not past, within the horizon, and the site is open: its hours are returned.</summary>
    private static bool CheckDay(Site site, DateOnly date, DateTime nowUtc, RuleResult result, string field, out OpeningHours? hours)
    {
        hours = null;
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(nowUtc, SiteClock.Zone(site)));
        if (date < today)
        {
            result.Add(field, "Cette date est passée.");
            return false;
        }
        if (date > today.AddDays(site.BookingHorizonDays))
        {
            result.Add(field, $"On ne peut pas réserver plus de {Common.Plurals.French(site.BookingHorizonDays, "{0} jour", "{0} jours")} à l'avance.");
            return false;
        }
        hours = SiteCalendar.HoursOn(site, date);
        if (hours is null)
        {
            var why = SiteCalendar.ClosureOn(site, date);
            result.Add(field, why is null ? "L'espace est fermé ce jour-là." : $"L'espace est fermé ce jour-là ({why}).");
            return false;
        }
        return true;
    }

    private static void AddTimeProblem(RuleResult result, string field, SiteTime.Problem problem, DateTime local)
    {
        if (problem == SiteTime.Problem.Skipped)
        {
            result.Add(field, $"{local:HH:mm} n'existe pas le {local:dd/MM/yyyy} : à cause du passage à l'heure d'été, les horloges passent de 2 h à 3 h.");
        }
        else if (problem == SiteTime.Problem.Repeated)
        {
            result.Add(field, $"{local:HH:mm} existe deux fois le {local:dd/MM/yyyy} (retour à l'heure d'hiver) : choisissez une autre heure.");
        }
    }

    private static bool OnStep(DateTime t) => t.Second == 0 && t.Millisecond == 0 && t.Minute % 30 == 0;

    private static TimeOnly Min(TimeOnly a, TimeOnly b) => a < b ? a : b;

    private static TimeOnly Max(TimeOnly a, TimeOnly b) => a > b ? a : b;
}
