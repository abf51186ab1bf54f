using System.Globalization;
using Cotravail.Web.Common.Security;
using System.Security.Claims;
using Cotravail.Web.Common.Api;
using Cotravail.Web.Features.Accounts;
using Cotravail.Web.Features.Booking.Api;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Cotravail.Web.Features.Booking.Series;

/// <summary>
/// Body of the series endpoints: <c>weekdays</c> (monday…sunday), <c>everyWeeks</c> (1–8), <c>from</c>, and
/// <c>until</c> or <c>count</c> (at most 26); <c>period</c> for desks, or <c>start</c> + <c>end</c> (HH:mm) for rooms.
/// </summary>
public sealed record SeriesBody(
    int? ResourceId, string[]? Weekdays, int? EveryWeeks, string? From, string? Until, int? Count, string? Period, string? Start, string? End);

public sealed record OccurrenceDto(DateOnly Date, bool Available, string? Problem);

public sealed record SeriesDto(int? SeriesId, IReadOnlyList<BookingDto> Booked, IReadOnlyList<OccurrenceDto> NotBooked);

internal static class SeriesApi
{
    public static void MapSeriesApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/booking-series").WithTags("Réservations").RequireAuthorization(AccountsModule.ApiPolicy);
        group.MapPost("/preview", PreviewAsync).WithName("PreviewBookingSeries")
            .WithSummary("Each date of a recurring booking, available or not (nothing is booked).");
        group.MapPost("/", BookAsync).WithName("CreateBookingSeries")
            .WithSummary("Books the available dates of a series in one transaction and lists those that could not be booked.");
        group.MapDelete("/{id:int}", CancelAsync).WithName("CancelBookingSeries")
            .WithSummary("Cancels every occurrence that has not started.");
    }

    private static async Task<Results<Ok<List<OccurrenceDto>>, ValidationProblem>> PreviewAsync(
        SeriesBody body, CurrentUser me, SeriesCommands series, CancellationToken ct)
    {
        var (request, errors) = Parse(body);
        if (request is null)
        {
            return ApiProblems.Invalid(errors);
        }
        var (resource, occurrences) = await series.PreviewAsync(me.RequiredId, request, ct);
        if (resource is null)
        {
            return ApiProblems.Invalid("resourceId", "Cet espace à réserver n'existe pas.");
        }
        return TypedResults.Ok(occurrences.Select(o => new OccurrenceDto(o.Date, o.Available, o.Problem)).ToList());
    }

    private static async Task<Results<Created<SeriesDto>, ValidationProblem, ProblemHttpResult>> BookAsync(
        SeriesBody body, CurrentUser me, SeriesCommands series, HttpRequest http, CancellationToken ct)
    {
        var (request, errors) = Parse(body);
        if (request is null)
        {
            return ApiProblems.Invalid(errors);
        }
        var result = await series.BookAsync(me.RequiredId, request, Describe(body), http.Host.Host, ct);
        if (result is null)
        {
            return ApiProblems.Invalid("resourceId", "Cet espace à réserver n'existe pas.");
        }
        if (result.SeriesId is null)
        {
            return ApiProblems.Conflict("Aucune date de la série n'est disponible.");
        }
        var dto = new SeriesDto(result.SeriesId, [.. result.Booked.Select(BookingDto.From)],
            [.. result.NotBooked.Select(o => new OccurrenceDto(o.Date, false, o.Problem))]);
        return TypedResults.Created($"/api/v1/booking-series/{result.SeriesId}", dto);
    }

    private static async Task<Results<Ok<object>, NotFound>> CancelAsync(int id, CurrentUser me, SeriesCommands series, CancellationToken ct)
    {
        var result = await series.CancelAsync(id, me.RequiredId, ct);
        return result is { } r ? TypedResults.Ok<object>(new { cancelled = r.Cancelled, late = r.Late }) : TypedResults.NotFound();
    }

    internal static (SeriesRequest? Request, Dictionary<string, string[]> Errors) Parse(SeriesBody? body)
    {
        var errors = new Dictionary<string, string[]>();
        if (body is null)
        {
            errors[""] = [ApiProblems.EmptyBody];
            return (null, errors);
        }
        if (body.ResourceId is not > 0)
        {
            errors["resourceId"] = ["resourceId est obligatoire."];
        }
        var days = new List<DayOfWeek>();
        if (body.Weekdays is { Length: > 7 })
        {
            errors["weekdays"] = ["Une semaine a sept jours : donnez chacun au plus une fois."];
        }
        foreach (var d in (body.Weekdays ?? []).Take(7))
        {
            if (Enum.TryParse<DayOfWeek>(d, ignoreCase: true, out var day) && Enum.IsDefined(day) && !int.TryParse(d, out _))
            {
                days.Add(day);
            }
            else
            {
                errors["weekdays"] = [$"« {d} » n'est pas un jour (monday … sunday)."];
            }
        }
        var from = ReadDay(body.From, "from", errors, required: true);
        var until = ReadDay(body.Until, "until", errors, required: false);
        Period? period = null;
        if (body.Period is not null && (period = PeriodText.FromApiName(body.Period)) is null)
        {
            errors["period"] = ["La période doit être morning, afternoon ou day."];
        }
        var start = Time(body.Start, "start", errors);
        var end = Time(body.End, "end", errors);
        if (period is null && (start is null || end is null) && !errors.ContainsKey("period") && !errors.ContainsKey("start") && !errors.ContainsKey("end"))
        {
            errors["period"] = ["Indiquez period (postes, bureaux) ou start et end (salles, cabines)."];
        }
        // The pattern's own problems are reported together with the fields' (a person fixes them all at once).
        var pattern = new SeriesPattern([.. days.Distinct()], body.EveryWeeks ?? 1, from ?? DateOnly.MinValue, until, body.Count);
        foreach (var (field, message) in pattern.Problems())
        {
            errors.TryAdd(field, [message]);
        }
        return errors.Count > 0 ? (null, errors) : (new SeriesRequest(body.ResourceId!.Value, pattern, period, start, end), errors);
    }

    private static string Describe(SeriesBody body) =>
        $"{string.Join(", ", (body.Weekdays ?? []).Distinct(StringComparer.OrdinalIgnoreCase).Take(7))} / {body.EveryWeeks ?? 1} sem. / {body.Period ?? $"{body.Start}-{body.End}"}";

    private static DateOnly? ReadDay(string? text, string field, Dictionary<string, string[]> errors, bool required)
    {
        if (string.IsNullOrEmpty(text))
        {
            if (required)
            {
                errors[field] = [Common.Api.Day.Required];
            }
            return null;
        }
        if (Common.Api.Day.TryParse(text, CultureInfo.InvariantCulture, out var day))
        {
            return day.Date;
        }
        errors[field] = [BindingProblems.Refused(typeof(Common.Api.Day), text)];
        return null;
    }

    private static TimeOnly? Time(string? text, string field, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }
        if (TimeOnly.TryParseExact(text, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var t))
        {
            return t;
        }
        errors[field] = ["L'heure s'écrit HH:MM, par exemple 09:30."];
        return null;
    }
}
