using Cotravail.Web.Common;
using Cotravail.Web.Data;
using Cotravail.Web.Features.Sites;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Web.Features.Booking.Series;

/// <summary>A member books a recurring series: the form, the preview of each date, then the booking of the available ones.</summary>
[Authorize]
public sealed class IndexModel(AppDbContext db, SeriesCommands series, TimeProvider clock) : LocalizedPage
{
    [BindProperty]
    public SeriesForm Input { get; set; } = new();

    public IReadOnlyList<Resource> Resources { get; private set; } = [];
    public IReadOnlyList<Occurrence>? Preview { get; private set; }

    [TempData]
    public string? Notice { get; set; }

    public async Task OnGetAsync([FromQuery(Name = "ressource")] int? resource, CancellationToken ct)
    {
        await LoadResourcesAsync(ct);
        Input.ResourceId = resource ?? Resources.FirstOrDefault()?.Id;
        Input.From = DateOnly.FromDateTime(clock.GetLocalNow().DateTime).AddDays(1);
        Input.Count = 4;
        Input.Period = Cotravail.Web.Features.Booking.Period.Day;
    }

    public async Task<IActionResult> OnPostPreviewAsync(CancellationToken ct)
    {
        await LoadResourcesAsync(ct);
        var request = Validate();
        if (request is null)
        {
            return Page();
        }
        var (resource, occurrences) = await series.PreviewAsync(UserId, request, ct);
        if (resource is null)
        {
            ModelState.AddModelError($"{nameof(Input)}.{nameof(SeriesForm.ResourceId)}", T["Cet espace à réserver n'existe pas."]);
            return Page();
        }
        Preview = occurrences;
        return Page();
    }

    public async Task<IActionResult> OnPostBookAsync(CancellationToken ct)
    {
        await LoadResourcesAsync(ct);
        var request = Validate();
        if (request is null)
        {
            return Page();
        }
        var result = await series.BookAsync(UserId, request, Input.Summary(), Request.Host.Host, ct);
        if (result is null || result.SeriesId is null)
        {
            Preview = result?.NotBooked;
            ModelState.AddModelError("", T["Aucune date de la série n'est disponible : rien n'a été réservé."]);
            return Page();
        }
        var missed = result.NotBooked.Count == 0
            ? ""
            : " " + T["Non réservées : {0}.", string.Join(", ", result.NotBooked.Select(o => $"{Format.LongDate(o.Date)} ({o.Problem})"))];
        Notice = T.Plural(result.Booked.Count, "{0} réservation confirmée ; un e-mail récapitulatif vous a été envoyé.", "{0} réservations confirmées ; un e-mail récapitulatif vous a été envoyé.") + missed;
        return Redirect("/mes-reservations");
    }

    private SeriesRequest? Validate()
    {
        if (!ModelState.IsValid)
        {
            return null;
        }
        // One form for both kinds: a room ignores the period, a desk ignores the times.
        if (Resources.FirstOrDefault(r => r.Id == Input.ResourceId) is { } chosen)
        {
            if (chosen.Kind.IsHourly())
            {
                Input.Period = null;
            }
            else
            {
                (Input.Start, Input.End) = (null, null);
            }
        }
        var (request, errors) = SeriesApi.Parse(Input.ToBody());
        foreach (var (field, messages) in errors)
        {
            var name = SeriesForm.Fields.TryGetValue(field, out var f) && f.Length > 0 ? $"{nameof(Input)}.{f}" : "";
            foreach (var m in messages)
            {
                ModelState.AddModelError(name, m);
            }
        }
        return request;
    }

    private string UserId => CurrentUser.RequiredId;

    private async Task LoadResourcesAsync(CancellationToken ct) =>
        Resources = await db.Resources.AsNoTracking().Include(r => r.Site)
            .Where(r => !r.IsArchived && !r.Site!.IsArchived)
            .OrderBy(r => r.Site!.Name).ThenBy(r => r.SortOrder).ThenBy(r => r.Id)
            .ToListAsync(ct);
}
