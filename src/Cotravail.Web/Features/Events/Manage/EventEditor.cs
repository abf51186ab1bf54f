using Cotravail.Web.Data;
using Cotravail.Web.Features.Sites;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Web.Features.Events.Manage;

/// <summary>A refusal next to one field: a French text (a localizer key) and its arguments.</summary>
public sealed record FieldError(string Field, string Message, params object[] Args);

/// <summary>Creating events (one per date of a recurrence) and editing one, with the rules that guard them.</summary>
public sealed class EventEditor(AppDbContext db, RegistrationCommands registrations, TimeProvider clock)
{
    public async Task<(IReadOnlyList<Event> Created, FieldError? Error)> CreateAsync(
        EventInput input, Site site, string userId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(site);
        var now = clock.GetUtcNow().UtcDateTime;
        var dates = Recurrence.Dates(input.Date!.Value, input.Repeat, input.Occurrences);
        var seriesId = dates.Count > 1 ? Guid.NewGuid() : (Guid?)null;
        var created = new List<Event>();
        foreach (var date in dates)
        {
            var (start, end, problem) = input.Span(site, date);
            if (problem is not null)
            {
                return ([], new FieldError(nameof(EventInput.StartTime), problem));
            }
            if (start <= now)
            {
                return ([], new FieldError(nameof(EventInput.Date), "La date est passée : choisissez une date à venir."));
            }
            var e = new Event
            {
                StartUtc = start, EndUtc = end, SeriesId = seriesId, CreatedByUserId = userId, CreatedAtUtc = now,
                Status = input.Publish ? EventStatus.Published : EventStatus.Draft,
            };
            input.ApplyTo(e);
            created.Add(e);
        }
        db.Events.AddRange(created);
        await db.SaveChangesAsync(ct);
        return (created, null);
    }

    /// <summary>Saves the edited event; a capacity below the people registered is refused, a larger one calls in the waitlist.</summary>
    public async Task<(FieldError? Error, int Promoted)> UpdateAsync(Event e, EventInput input, Site site, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(e);
        ArgumentNullException.ThrowIfNull(input);
        var (start, end, problem) = input.Span(site, input.Date!.Value);
        if (problem is not null)
        {
            return (new FieldError(nameof(EventInput.StartTime), problem), 0);
        }
        var registered = await db.Events.Where(x => x.Id == e.Id).Select(x => x.Registered).FirstAsync(ct);
        if (input.Capacity < registered)
        {
            return (TooFewPlaces(registered), 0);
        }
        if ((start != e.StartUtc || end != e.EndUtc)
            && await db.EventRegistrations.AnyAsync(r => r.EventId == e.Id && r.Status != RegistrationStatus.Cancelled, ct))
        {
            // People hold a place or wait for one: they are asked about a new date (Moving), never moved silently.
            return (new FieldError(nameof(EventInput.Date),
                "Des personnes sont inscrites : pour changer la date ou l'heure, utilisez « Déplacer l'événement », qui les prévient et leur demande de confirmer."), 0);
        }
        input.ApplyTo(e);
        e.StartUtc = start;
        e.EndUtc = end;
        if (e.Status != EventStatus.Cancelled)
        {
            // A proposal stays one until a host publishes it.
            e.Status = input.Publish ? EventStatus.Published : e.Status == EventStatus.Proposed ? EventStatus.Proposed : EventStatus.Draft;
        }
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // The check constraint Registered <= Capacity: someone registered in the meantime.
            db.ChangeTracker.Clear();
            return (TooFewPlaces(await db.Events.Where(x => x.Id == e.Id).Select(x => x.Registered).FirstAsync(ct)), 0);
        }
        return (null, await registrations.FillFromWaitlistAsync(e.Id, ct));
    }

    private static FieldError TooFewPlaces(int registered) => new(nameof(EventInput.Capacity),
        "{0} personnes ont déjà une place : le nombre de places ne peut pas descendre en dessous.", registered);
}
