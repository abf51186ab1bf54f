using System.Globalization;
using System.Text.Json;
using Cotravail.Web.Common.Api;

namespace Cotravail.Web.Features.Booking.Api;

/// <summary>
/// Body of <c>POST /api/v1/bookings</c>: <c>resourceId</c> and either <c>date</c> (YYYY-MM-DD) + <c>period</c>
/// (morning, afternoon, day) for desks and offices, or <c>start</c> + <c>end</c> (site-local YYYY-MM-DDTHH:MM) for rooms and booths;
/// <c>discovery: true</c> asks for the person's one free discovery day (a desk only). A carnet or subscription day is used
/// by itself when the member holds one (the price is then 0).
/// </summary>
public sealed record BookingBody(int? ResourceId, string? Date, string? Period, string? Start, string? End, bool? Discovery = null);

/// <summary>A booking as the API shows it; times are site-local.</summary>
public sealed record BookingDto(
    int Id, int SiteId, string SiteName, int ResourceId, string ResourceName, string Kind, DateOnly Date, string? Period,
    string Start, string End, string Status, int PriceCents, DateTime FreeCancellationUntilUtc)
{
    public static BookingDto From(Booking b)
    {
        ArgumentNullException.ThrowIfNull(b);
        return new BookingDto(b.Id, b.SiteId, b.Site?.Name ?? "", b.ResourceId, b.Resource?.Name ?? "",
            JsonNamingPolicy.CamelCase.ConvertName(b.Resource?.Kind.ToString() ?? ""), b.Date, b.Period?.ApiName(),
            Local(b.Date, b.LocalStart), Local(b.Date, b.LocalEnd), JsonNamingPolicy.CamelCase.ConvertName(b.Status.ToString()),
            b.PriceCents, b.Site is null ? b.StartUtc : CancellationPolicy.FreeUntilUtc(b.Site, b));
    }

    private static string Local(DateOnly d, TimeOnly t) =>
        d.ToDateTime(t).ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture);
}

/// <summary>Reads the body's strings into a request, with a French message per wrong field.</summary>
public static class BookingBodyParser
{
    public static (BookingRequest? Request, Dictionary<string, string[]> Errors) Parse(BookingBody? body)
    {
        var errors = new Dictionary<string, string[]>();
        if (body is null)
        {
            errors[""] = ["Le contenu de la requête est vide : envoyez un objet JSON."];
            return (null, errors);
        }
        if (body.ResourceId is not { } resourceId || resourceId <= 0)
        {
            errors["resourceId"] = ["resourceId est obligatoire (identifiant d'un espace à réserver)."];
        }
        DateOnly? date = null;
        if (body.Date is not null)
        {
            if (Day.TryParse(body.Date, CultureInfo.InvariantCulture, out var day))
            {
                date = day.Date;
            }
            else
            {
                errors["date"] = [BindingProblems.Refused(typeof(Day), body.Date)];
            }
        }
        Period? period = null;
        if (body.Period is not null)
        {
            period = PeriodText.FromApiName(body.Period);
            if (period is null)
            {
                errors["period"] = ["La période doit être morning, afternoon ou day."];
            }
        }
        var start = LocalDateTime(body.Start, "start", errors);
        var end = LocalDateTime(body.End, "end", errors);
        return errors.Count > 0 ? (null, errors) : (new BookingRequest(body.ResourceId!.Value, date, period, start, end, body.Discovery == true), errors);
    }

    private static DateTime? LocalDateTime(string? text, string field, Dictionary<string, string[]> errors)
    {
        if (text is null)
        {
            return null;
        }
        string[] formats = ["yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss"];
        if (DateTime.TryParseExact(text, formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var value))
        {
            if (Common.Dates.IsPlausible(DateOnly.FromDateTime(value)))
            {
                return value;
            }
            errors[field] = [Common.Dates.NotPlausible];
            return null;
        }
        errors[field] = [$"« {Cut(text)} » n'est pas une date-heure locale valide (AAAA-MM-JJTHH:MM, sans fuseau)."];
        return null;
    }

    private static string Cut(string s) => s.Length > 40 ? s[..40] + "…" : s;
}
