using Cotravail.Web.Common;
using Cotravail.Web.Features.Booking.Week;
using Cotravail.Web.Features.Sites;
using Microsoft.AspNetCore.Mvc;

namespace Cotravail.Web.Features.Booking.Book;

/// <summary>
/// Booking through pages: the form (pre-filled from the week view's link), « Vérifier » shows a confirmation screen
/// with the price and the free-cancellation deadline, and only « Confirmer la réservation » books.
/// </summary>
public sealed class BookModel(
    BookingCommands commands, AvailabilityQuery availability, IBookingCover cover, Data.AppDbContext db, TimeProvider clock) : LocalizedPage
{
    [BindProperty]
    public BookInput Input { get; set; } = new();

    public Resource? Resource { get; private set; }
    public Site Site => Resource!.Site!;
    public DateOnly Today { get; private set; }
    public bool Confirming { get; private set; }
    public BookingPlan? Plan { get; private set; }
    public DateTime FreeUntilLocal { get; private set; }
    public bool FreeCancellation { get; private set; }

    /// <summary>The carnet or subscription the booking would use (confirmation screen).</summary>
    public string? CoveredBy { get; private set; }

    /// <summary>The person may still take their free discovery day (a desk only).</summary>
    public bool DiscoveryAvailable { get; private set; }

    /// <summary>Full or already booked: a message for the whole form.</summary>
    public string? Problem { get; private set; }

    /// <summary>What the chosen day still offers (counts or free time ranges), once the date is readable.</summary>
    public WeekCell? DayCell { get; private set; }

    public bool IsHourly => Resource!.Kind.IsHourly();

    /// <summary>Reached without a resource (from « Réserver un poste » links): the open sites and what they offer, to choose from.</summary>
    public IReadOnlyList<Site> Choices { get; private set; } = [];

    private ResourceDay? ResourceDay { get; set; }

    public string EditUrl => "/reserver?ressource=" + Resource!.Id
        + (Plan is null ? "" : "&date=" + DayText.Iso(Plan.Date))
        + (Plan is null ? "" : Plan.Period is { } p ? "&periode=" + PeriodSlug.Of(p) : $"&debut={DayText.Iso(Plan.LocalStart)}&fin={DayText.Iso(Plan.LocalEnd)}");

    public async Task<IActionResult> OnGetAsync(
        [FromQuery(Name = "ressource")] string? resource, string? date, [FromQuery(Name = "periode")] string? period,
        [FromQuery(Name = "debut")] string? start, [FromQuery(Name = "fin")] string? end, CancellationToken ct)
    {
        Input = new BookInput { ResourceId = resource, Date = date, Period = period, Start = start, End = end };
        if (string.IsNullOrWhiteSpace(resource))
        {
            Choices = await SiteQueries.ListPublicAsync(db, ct);
            return Page();
        }
        if (!await LoadAsync(ct))
        {
            return Page();
        }
        if (string.IsNullOrWhiteSpace(Input.Date))
        {
            Input.Date = DayText.Iso(Today);
        }
        if (!IsHourly && string.IsNullOrWhiteSpace(Input.Period))
        {
            Input.Period = PeriodSlug.Of(Period.Day);
        }
        await LoadDayAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostCheckAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct) || Check() is not (_, var plan))
        {
            await LoadDayAsync(ct);
            return Page();
        }
        await LoadDayAsync(ct);
        if (DayCell is not null && !IsFree(plan))
        {
            Problem = T["Plus de place disponible pour ce créneau : choisissez-en un autre."];
            return Page();
        }
        Plan = plan;
        Confirming = true;
        var probe = new Booking { Date = plan.Date, Period = plan.Period, StartUtc = plan.StartUtc };
        (FreeUntilLocal, FreeCancellation) = BookingLabels.FreeCancellation(Site, probe, clock.GetUtcNow().UtcDateTime);
        var userId = CurrentUser.RequiredId;
        CoveredBy = await cover.PreviewAsync(userId, Site.NetworkId, Resource!.Kind, plan.Date, ct);
        DiscoveryAvailable = Resource.Kind == ResourceKind.DeskPool && CoveredBy is null && !await cover.HasUsedDiscoveryAsync(userId, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostConfirmAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct) || Check() is not (var request, _))
        {
            await LoadDayAsync(ct);
            return Page();
        }
        var userId = CurrentUser.RequiredId;
        var result = await commands.BookAsync(userId, request, Request.Host.Host, ct);
        switch (result.Outcome)
        {
            case BookOutcome.Booked:
                var booking = result.Booking!;
                booking.Resource ??= Resource;
                booking.Site ??= Site;
                TempData["Notice"] = T["Réservation confirmée : {0} ; un e-mail de confirmation vous a été envoyé.", BookingMailer.Describe(booking)].Value;
                TempData[Mine.MineModel.BookedKey] = booking.Id;
                return Redirect("/mes-reservations");
            case BookOutcome.Full:
                Problem = T["Plus de place disponible pour ce créneau : choisissez-en un autre."];
                break;
            case BookOutcome.AlreadyBooked:
                Problem = T["Vous avez déjà une réservation de cet espace sur ce créneau."];
                break;
            default:
                BookForm.AddRuleErrors(T, result.Errors ?? new Dictionary<string, string[]>(), ModelState);
                break;
        }
        await LoadDayAsync(ct);
        return Page();
    }

    /// <summary>The resource to book (with its site, hours and closures); false with a message when there is none.</summary>
    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        Resource = int.TryParse(Input.ResourceId, out var id) && id > 0 ? await commands.LoadResourceAsync(id, ct) : null;
        if (Resource is null)
        {
            ModelState.AddModelError(BookForm.ResourceField, T["Cet espace à réserver n'existe pas (ou plus) : choisissez-en un dans la liste des espaces."]);
            return false;
        }
        Today = SiteClock.Today(Site, clock);
        return true;
    }

    /// <summary>The form read and checked by the booking rules: the plan to confirm, or null with field messages.</summary>
    private (BookingRequest Request, BookingPlan Plan)? Check()
    {
        var request = BookForm.Read(T, Input, Resource!, Today, ModelState);
        if (request is null)
        {
            return null;
        }
        var rules = BookingRules.Check(Site, Resource!, request, clock.GetUtcNow().UtcDateTime);
        if (!rules.IsValid)
        {
            BookForm.AddRuleErrors(T, rules.Errors, ModelState);
            return null;
        }
        return (request, rules.Plan!);
    }

    private async Task LoadDayAsync(CancellationToken ct)
    {
        if (Resource is null || !DayText.TryParse(Input.Date, out var day) || day < Today || day > Today.AddDays(Site.BookingHorizonDays))
        {
            return;
        }
        var week = await availability.ComputeAsync(Site, day, day, ct);
        var resource = week.Resources.FirstOrDefault(r => r.ResourceId == Resource.Id);
        ResourceDay = resource?.Days[0];
        DayCell = resource is null ? null : WeekCell.Build(T, resource, resource.Days[0], canBook: false);
    }

    private bool IsFree(BookingPlan plan)
    {
        if (ResourceDay is not { Open: true } day)
        {
            return true; // the rules have the last word on closed days
        }
        if (plan.Period is { } period)
        {
            return period.Halves().All(h => (h == HalfDay.Morning ? day.Morning : day.Afternoon)?.Free > 0);
        }
        return (day.FreeSlots ?? []).Any(s => Minutes(s.Start) <= Minutes(plan.LocalStart) && Minutes(plan.LocalEnd, end: true) <= Minutes(s.End, end: true));
    }

    private static int Minutes(string hm, bool end = false) =>
        DayText.TryParseTime(hm, out var t) ? Minutes(t, end) : 0;

    private static int Minutes(TimeOnly t, bool end = false) => end && t == TimeOnly.MinValue ? 24 * 60 : (t.Hour * 60) + t.Minute;
}
