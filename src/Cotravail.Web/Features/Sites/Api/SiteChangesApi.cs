using System.Globalization;
using Cotravail.Web.Common.Api;
using Cotravail.Web.Data;
using Cotravail.Web.Features.Accounts;
using Cotravail.Web.Features.Sites.Impact;
using Cotravail.Web.Features.Sites.Manage;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Web.Features.Sites.Api;

/// <summary>
/// The managers' changes of a site that may cancel bookings and registrations (ADR 0040): closures, hours, archiving a
/// resource or the site, a resource's capacity. When the change affects people and <c>confirm</c> is not set, nothing is
/// saved and the answer is a 409 whose <c>affected</c> lists them, with their <c>fingerprint</c>; <c>confirm=true</c>
/// (with that <c>fingerprint</c> to be sure the list has not changed since) saves the change and cancels them.
/// </summary>
internal static class SiteChangesApi
{
    public const string ConfirmTitle = "Ce changement annule des réservations ou des inscriptions : relisez la liste et confirmez-le (confirm=true).";

    public const string ChangedTitle = "La liste de ce que ce changement annule a changé depuis : relisez-la et confirmez de nouveau.";

    public static void MapSiteChangesApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/sites/{id:int}").WithTags("Espaces").RequireAuthorization(AccountsModule.ApiPolicy)
            .RequireStaffScope(StaffScopeRule.SiteManager());
        group.MapPost("/closures", CloseAsync).WithName("CreateClosure")
            .WithSummary("Closes the site from startDate to endDate; 409 with what it would cancel unless confirm=true.");
        group.MapPut("/hours", HoursAsync).WithName("SetOpeningHours")
            .WithSummary("Replaces the week's opening hours; 409 with the bookings they leave out unless confirm=true.");
        group.MapPut("/resources/{resourceId:int}/capacity", CapacityAsync).WithName("SetResourceCapacity")
            .WithSummary("Sets a resource's places; 409 with the bookings beyond it (made last) unless confirm=true.");
        group.MapPost("/resources/{resourceId:int}/archive", ArchiveResourceAsync).WithName("ArchiveResource")
            .WithSummary("Archives a resource; 409 with its bookings to come unless confirm=true.");
        group.MapPost("/archive", ArchiveSiteAsync).WithName("ArchiveSite")
            .WithSummary("Archives the site; 409 with what it would cancel unless confirm=true.");
    }

    private static async Task<IResult> CloseAsync(
        int id, ClosureBody? body, bool? confirm, string? fingerprint, AppDbContext db, SiteChangeImpacts impacts, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        if (body?.StartDate is not { } start)
        {
            errors["startDate"] = ["Indiquez le premier jour."];
        }
        if (body?.EndDate is not { } end)
        {
            errors["endDate"] = ["Indiquez le dernier jour."];
        }
        var reason = body?.Reason?.Trim();
        if (string.IsNullOrEmpty(reason))
        {
            errors["reason"] = ["Le motif est obligatoire."];
        }
        else if (reason.Length > 200)
        {
            errors["reason"] = ["Le motif fait au plus 200 caractères."];
        }
        if (body?.StartDate is { } s && body.EndDate is { } e)
        {
            if (e < s)
            {
                errors["endDate"] = ["Le dernier jour doit être le premier jour ou après."];
            }
            else if (e.DayNumber - s.DayNumber > 366)
            {
                errors["endDate"] = ["Une fermeture dure au plus un an."];
            }
        }
        if (errors.Count > 0)
        {
            return ApiProblems.Invalid(errors);
        }
        var (first, last) = (body!.StartDate!.Value, body.EndDate!.Value);
        var result = await impacts.ApplyAsync(new ClosureChange(id, first, last, reason!), confirm == true, fingerprint, async token =>
        {
            if (await db.Closures.AnyAsync(c => c.SiteId == id && c.StartDate <= last && c.EndDate >= first, token))
            {
                return "Une fermeture couvre déjà une partie de ces dates.";
            }
            db.Closures.Add(new Closure { SiteId = id, StartDate = first, EndDate = last, Reason = reason! });
            await db.SaveChangesAsync(token);
            return null;
        }, ct);
        return Answer(result, "closure");
    }

    private static async Task<IResult> HoursAsync(
        int id, HoursBody? body, bool? confirm, string? fingerprint, AppDbContext db, SiteChangeImpacts impacts, CancellationToken ct)
    {
        if (body?.Hours is not { } list)
        {
            return ApiProblems.Invalid("hours", "Donnez les horaires de la semaine : un élément par jour ouvert.");
        }
        var errors = new Dictionary<string, string[]>();
        var hours = new List<OpeningHours>();
        for (var i = 0; i < list.Count; i++)
        {
            var field = $"hours[{i}]";
            var dto = list[i];
            if (dto is null || !Enum.TryParse<DayOfWeek>(dto.Day, ignoreCase: true, out var day) || !Enum.IsDefined(day) || int.TryParse(dto.Day, out _))
            {
                errors[$"{field}.day"] = ["Le jour est monday, tuesday, wednesday, thursday, friday, saturday ou sunday."];
                continue;
            }
            if (hours.Any(h => h.Day == day))
            {
                errors[$"{field}.day"] = ["Ce jour est déjà donné."];
                continue;
            }
            var input = new DayHoursInput
            {
                Day = day, Open = true, Opens = Time(dto.Opens, $"{field}.opens", errors), Closes = Time(dto.Closes, $"{field}.closes", errors),
                Opens2 = Time(dto.Opens2, $"{field}.opens2", errors), Closes2 = Time(dto.Closes2, $"{field}.closes2", errors),
            };
            foreach (var problem in input.Validate(new System.ComponentModel.DataAnnotations.ValidationContext(input)))
            {
                foreach (var member in problem.MemberNames)
                {
                    errors[$"{field}.{char.ToLowerInvariant(member[0])}{member[1..]}"] = [problem.ErrorMessage ?? ""];
                }
            }
            if (input is { Opens: { } o, Closes: { } c })
            {
                hours.Add(new OpeningHours { SiteId = id, Day = day, Opens = o, Closes = c, Opens2 = input.Opens2, Closes2 = input.Closes2 });
            }
        }
        if (errors.Count > 0)
        {
            return ApiProblems.Invalid(errors);
        }
        var result = await impacts.ApplyAsync(new HoursChange(id, hours), confirm == true, fingerprint, async token =>
        {
            db.OpeningHours.RemoveRange(await db.OpeningHours.Where(h => h.SiteId == id).ToListAsync(token));
            db.OpeningHours.AddRange(hours);
            await db.SaveChangesAsync(token);
            return null;
        }, ct);
        return Answer(result, "hours");
    }

    private static async Task<IResult> CapacityAsync(
        int id, int resourceId, CapacityBody? body, bool? confirm, string? fingerprint, AppDbContext db, SiteChangeImpacts impacts, CancellationToken ct)
    {
        if (body?.Capacity is not { } capacity || capacity < 1 || capacity > 500)
        {
            return ApiProblems.Invalid("capacity", "La capacité doit être comprise entre 1 et 500.");
        }
        var resource = await db.Resources.FirstOrDefaultAsync(r => r.Id == resourceId && r.SiteId == id, ct);
        if (resource is null)
        {
            return ApiProblems.NotFound("Cet espace à réserver n'existe pas dans ce lieu.");
        }
        var result = await impacts.ApplyAsync(new CapacityChange(id, resourceId, capacity), confirm == true, fingerprint, async token =>
        {
            resource.Capacity = capacity;
            await db.SaveChangesAsync(token);
            return null;
        }, ct);
        return Answer(result, "capacity");
    }

    private static async Task<IResult> ArchiveResourceAsync(
        int id, int resourceId, bool? confirm, string? fingerprint, AppDbContext db, SiteChangeImpacts impacts, CancellationToken ct)
    {
        var resource = await db.Resources.FirstOrDefaultAsync(r => r.Id == resourceId && r.SiteId == id, ct);
        if (resource is null)
        {
            return ApiProblems.NotFound("Cet espace à réserver n'existe pas dans ce lieu.");
        }
        var result = await impacts.ApplyAsync(new ResourceArchivedChange(id, resourceId), confirm == true, fingerprint, async token =>
        {
            resource.IsArchived = true;
            await db.SaveChangesAsync(token);
            return null;
        }, ct);
        return Answer(result, "resourceArchived");
    }

    private static async Task<IResult> ArchiveSiteAsync(
        int id, bool? confirm, string? fingerprint, AppDbContext db, SiteChangeImpacts impacts, CancellationToken ct)
    {
        var site = await db.Sites.FirstAsync(s => s.Id == id, ct);
        var result = await impacts.ApplyAsync(new SiteArchivedChange(id), confirm == true, fingerprint, async token =>
        {
            site.IsArchived = true;
            await db.SaveChangesAsync(token);
            return null;
        }, ct);
        return Answer(result, "siteArchived");
    }

    private static TimeOnly? Time(string? text, string field, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        if (TimeOnly.TryParseExact(text.Trim(), ["HH:mm", "H:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var t))
        {
            return t;
        }
        errors[field] = ["Une heure s'écrit HH:mm, par exemple 08:30."];
        return null;
    }

    private static IResult Answer(SiteChangeResult result, string change) => result.Outcome switch
    {
        SiteChangeOutcome.Done => TypedResults.Ok(new SiteChangeDto(change, [.. result.Cancelled!.Select(Dto)])),
        SiteChangeOutcome.Refused => ApiProblems.Conflict(result.Problem!),
        _ => TypedResults.Problem(WithList(result)),
    };

    private static ProblemDetails WithList(SiteChangeResult result)
    {
        var problem = ApiProblems.Details(StatusCodes.Status409Conflict, result.SetChanged ? ChangedTitle : ConfirmTitle);
        problem.Extensions["affected"] = result.Preview!.Items.Select(Dto).ToList();
        problem.Extensions["fingerprint"] = result.Preview.Fingerprint;
        return problem;
    }

    private static AffectedItemDto Dto(AffectedItem i) => new(i.Kind, i.Key, i.What, i.PersonName, i.StartUtc, i.EndUtc);
}
