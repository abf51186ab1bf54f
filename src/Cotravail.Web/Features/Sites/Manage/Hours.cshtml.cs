using Cotravail.Web.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Web.Features.Sites.Manage;

/// <summary>Opening hours per weekday, one or two ranges a day.</summary>
public sealed class HoursModel(AppDbContext db) : ManagerPage(db)
{
    public static readonly DayOfWeek[] Week =
        [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday, DayOfWeek.Saturday, DayOfWeek.Sunday];

    [BindProperty]
    public List<DayHoursInput> Days { get; set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (await LoadSiteAsync(id, ct, q => q.Include(s => s.OpeningHours)) is { } denied)
        {
            return denied;
        }
        Days = [.. Week.Select(d => DayHoursInput.From(d, Site.OpeningHours.FirstOrDefault(h => h.Day == d)))];
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (await LoadSiteAsync(id, ct, q => q.Include(s => s.OpeningHours)) is { } denied)
        {
            return denied;
        }
        if (Days.Count != 7 || Days.Select(d => d.Day).Distinct().Count() != 7)
        {
            ModelState.AddModelError("", T["Le formulaire doit contenir les sept jours de la semaine."]);
            Days = [.. Week.Select(d => DayHoursInput.From(d, Site.OpeningHours.FirstOrDefault(h => h.Day == d)))];
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        Db.OpeningHours.RemoveRange(Site.OpeningHours);
        foreach (var d in Days.Where(d => d.Open))
        {
            Db.OpeningHours.Add(new OpeningHours
            {
                SiteId = id, Day = d.Day, Opens = d.Opens!.Value, Closes = d.Closes!.Value, Opens2 = d.Opens2, Closes2 = d.Closes2,
            });
        }
        await Db.SaveChangesAsync(ct);
        Notice = T["Les horaires sont enregistrés."];
        return Redirect($"/gestion/espaces/{id}/horaires");
    }
}
