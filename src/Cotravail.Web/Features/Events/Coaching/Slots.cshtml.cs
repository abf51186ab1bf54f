using Cotravail.Web.Features.Sites;
using Cotravail.Web.Common;
using Cotravail.Web.Common.Security;
using Cotravail.Web.Data;
using Cotravail.Web.Features.Accounts;
using Cotravail.Web.Features.Booking;
using Cotravail.Web.Features.Events.Manage;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace Cotravail.Web.Features.Events.Coaching;

/// <summary>
/// An adviser (a host, or a partner's adviser given a host account) offers one-to-one coaching slots: each slot is an
/// event of kind « accompagnement » with one place and no waitlist, for members.
/// </summary>
[Authorize(Policy = Roles.Host)]
public sealed class SlotsModel(AppDbContext db, StaffAccess staff, UserManager<AppUser> users, TimeProvider clock) : StaffEventPage(db, staff)
{
    [BindProperty]
    public SlotsInput Input { get; set; } = new();

    public async Task OnGetAsync(CancellationToken ct)
    {
        await LoadSitesAsync(ct);
        Input.SiteId = MySites.FirstOrDefault()?.Id;
        Input.Date = DateOnly.FromDateTime(clock.GetLocalNow().DateTime).AddDays(7);
        Input.Adviser = (await users.GetUserAsync(User))?.DisplayName;
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await LoadSitesAsync(ct);
        ModelState.AddObjectRules(Input, nameof(Input), HttpContext.RequestServices);
        var site = MySites.FirstOrDefault(s => s.Id == Input.SiteId);
        if (site is null)
        {
            ModelState.AddModelError("Input.SiteId", T["Choisissez un espace dont vous animez l'agenda."]);
        }
        if (!ModelState.IsValid || site is null)
        {
            return Page();
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var slots = new List<Event>();
        foreach (var start in Input.Starts())
        {
            var (startUtc, p1) = EventTimes.ToUtc(site, Input.Date!.Value, start);
            var (endUtc, p2) = EventTimes.ToUtc(site, Input.Date!.Value, start.AddMinutes(Input.Minutes));
            if (p1 != SiteTime.Problem.None || p2 != SiteTime.Problem.None)
            {
                ModelState.AddModelError("Input.From", T["Cette heure n'existe pas ou existe deux fois ce jour-là (changement d'heure) : choisissez-en une autre."]);
                return Page();
            }
            if (startUtc <= now)
            {
                ModelState.AddModelError("Input.Date", T["La date est passée : choisissez une date à venir."]);
                return Page();
            }
            slots.Add(new Event
            {
                SiteId = site.Id, Kind = EventKind.Coaching, Title = Input.Title!.Trim(), Description = (Input.Description ?? "").Trim(),
                StartUtc = startUtc, EndUtc = endUtc, Capacity = 1, Audience = EventAudience.Members, OrganiserKind = OrganiserKind.Host,
                OrganiserName = Input.Adviser!.Trim(), Status = EventStatus.Published, CreatedByUserId = CurrentUser.Id,
                CreatedAtUtc = now, RegistrationCloseMinutes = 60,
            });
        }
        Db.Events.AddRange(slots);
        await Db.SaveChangesAsync(ct);
        Notice = T["{0} créneaux d'accompagnement sont ouverts aux membres.", slots.Count];
        return Redirect("/animation/mon-agenda");
    }
}
