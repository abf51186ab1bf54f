using System.Globalization;
using Cotravail.Web.Data;
using Cotravail.Web.Features.Sites.Impact;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Web.Features.Sites.Manage;

/// <summary>
/// Opening hours per weekday, one or two ranges a day. New hours that leave bookings outside are previewed, and cancel
/// them on confirmation (<see cref="ImpactPage"/>).
/// </summary>
public sealed class HoursModel(AppDbContext db, SiteChangeImpacts impacts) : ImpactPage(db, impacts)
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
        if (!ModelState.IsValid || GoBack)
        {
            return Page();
        }
        var hours = Days.Where(d => d.Open).Select(d => new OpeningHours
        {
            SiteId = id, Day = d.Day, Opens = d.Opens!.Value, Closes = d.Closes!.Value, Opens2 = d.Opens2, Closes2 = d.Closes2,
        }).ToList();
        return await ChangeAsync(new HoursChange(id, hours), null, async token =>
        {
            if (Same(Site.OpeningHours, hours))
            {
                return null; // the same hours posted again (a confirmation sent twice): nothing to write
            }
            Db.OpeningHours.RemoveRange(Site.OpeningHours);
            Db.OpeningHours.AddRange(hours);
            await Db.SaveChangesAsync(token);
            return null;
        }, "", cancelled =>
        {
            Notice = T["Les horaires sont enregistrés."] + cancelled;
            return Redirect($"/gestion/espaces/{id}/horaires");
        }, ct);
    }

    public override IEnumerable<KeyValuePair<string, string>> PreviewFields => Days.SelectMany((d, i) => new KeyValuePair<string, string>[]
    {
        new($"Days[{i}].Day", d.Day.ToString()),
        new($"Days[{i}].Open", d.Open ? "true" : "false"),
        new($"Days[{i}].Opens", Hm(d.Opens)),
        new($"Days[{i}].Closes", Hm(d.Closes)),
        new($"Days[{i}].Opens2", Hm(d.Opens2)),
        new($"Days[{i}].Closes2", Hm(d.Closes2)),
    });

    private static bool Same(IEnumerable<OpeningHours> a, IEnumerable<OpeningHours> b)
    {
        static string Key(IEnumerable<OpeningHours> hours) => string.Join(";", hours.OrderBy(h => h.Day)
            .Select(h => string.Create(CultureInfo.InvariantCulture, $"{h.Day} {h.Opens} {h.Closes} {h.Opens2} {h.Closes2}")));
        return Key(a) == Key(b);
    }

    private static string Hm(TimeOnly? t) => t?.ToString("HH:mm", CultureInfo.InvariantCulture) ?? "";
}
