using Cotravail.Web.Common;
using Cotravail.Web.Data;
using Cotravail.Web.Features.Accounts;
using Cotravail.Web.Features.Sites;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Web.Features.Events.Proposals;

/// <summary>« Je propose un atelier »: a member proposes an event; the hosts of the site review it.</summary>
[Authorize]
public sealed class ProposeModel(AppDbContext db, UserManager<AppUser> users, TimeProvider clock) : LocalizedPage
{
    [BindProperty]
    public ProposalInput Input { get; set; } = new();

    public IReadOnlyList<Site> Sites { get; private set; } = [];

    [TempData]
    public string? Notice { get; set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        await LoadSitesAsync(ct);
        Input.SiteId = Sites.FirstOrDefault()?.Id;
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await LoadSitesAsync(ct);
        ModelState.AddObjectRules(Input, nameof(Input), HttpContext.RequestServices);
        var site = Sites.FirstOrDefault(s => s.Id == Input.SiteId);
        if (site is null)
        {
            ModelState.AddModelError("Input.SiteId", T["Choisissez l'espace qui organise l'événement."]);
        }
        if (!ModelState.IsValid || site is null)
        {
            return Page();
        }
        var (start, p1) = EventTimes.ToUtc(site, Input.Date!.Value, Input.StartTime!.Value);
        var (end, p2) = EventTimes.ToUtc(site, Input.Date!.Value, Input.EndTime!.Value);
        if (p1 != Booking.SiteTime.Problem.None || p2 != Booking.SiteTime.Problem.None)
        {
            ModelState.AddModelError("Input.StartTime", T["Cette heure n'existe pas ou existe deux fois ce jour-là (changement d'heure) : choisissez-en une autre."]);
            return Page();
        }
        if (start <= clock.GetUtcNow().UtcDateTime)
        {
            ModelState.AddModelError("Input.Date", T["La date est passée : choisissez une date à venir."]);
            return Page();
        }
        var user = (await users.GetUserAsync(User))!;
        db.Events.Add(new Event
        {
            SiteId = site.Id, Kind = Input.Kind, Title = Input.Title!.Trim(),
            Description = Input.Description!.Replace("\r", "", StringComparison.Ordinal).Trim(),
            StartUtc = start, EndUtc = end, Capacity = Input.Capacity!.Value, Status = EventStatus.Proposed,
            OrganiserKind = OrganiserKind.Member, OrganiserName = user.DisplayName, CreatedByUserId = user.Id,
            CreatedAtUtc = clock.GetUtcNow().UtcDateTime,
        });
        await db.SaveChangesAsync(ct);
        Notice = T["Merci ! Votre proposition est transmise à l'équipe de {0}, qui vous répondra par e-mail.", site.Name];
        return Redirect("/agenda/proposer");
    }

    private async Task LoadSitesAsync(CancellationToken ct) =>
        Sites = await db.Sites.AsNoTracking().Where(s => !s.IsArchived).OrderBy(s => s.Name).ToListAsync(ct);
}
