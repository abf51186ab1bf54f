using System.ComponentModel.DataAnnotations;
using Cotravail.Web.Data;
using Cotravail.Web.Features.Sites.Manage;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Web.Features.Access.Wifi.Manage;

/// <summary>
/// A site's Wi-Fi for the managers of its network: the NAS-Identifier its access points send to FreeRADIUS (unique
/// across every network), or none (the site's Wi-Fi then accepts nobody through Cotravail).
/// </summary>
public sealed class SettingsModel(AppDbContext db) : ManagerPage(db)
{
    [BindProperty]
    [Display(Name = "NAS-Identifier des bornes Wi-Fi")]
    public string? NasIdentifier { get; set; }

    public bool Configured { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (await LoadSiteAsync(id, ct) is { } denied)
        {
            return denied;
        }
        var wifi = await Db.WifiSites().AsNoTracking().FirstOrDefaultAsync(w => w.SiteId == id, ct);
        Configured = wifi is not null;
        NasIdentifier = wifi?.NasIdentifier;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (await LoadSiteAsync(id, ct) is { } denied)
        {
            return denied;
        }
        var wifi = await Db.WifiSites().FirstOrDefaultAsync(w => w.SiteId == id, ct);
        Configured = wifi is not null;
        var nas = NasIdentifier?.Trim() ?? "";
        if (WifiRules.NasIdentifierRefusal(nas) is { } refusal)
        {
            return Refuse(refusal);
        }
        if (await Db.WifiSites().AnyAsync(w => w.NasIdentifier == nas && w.SiteId != id, ct))
        {
            return Refuse("Ce NAS-Identifier est déjà celui d'un autre espace : chaque espace a le sien.");
        }
        if (wifi is null)
        {
            Db.WifiSites().Add(new WifiSite { SiteId = id, NasIdentifier = nas, GuestSecret = WifiRules.NewSecret() });
        }
        else
        {
            wifi.NasIdentifier = nas;
        }
        try
        {
            await Db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (DbErrors.IsUniqueViolation(e))
        {
            Db.ChangeTracker.Clear();
            return Refuse("Ce NAS-Identifier est déjà celui d'un autre espace : chaque espace a le sien.");
        }
        Notice = T["Le Wi-Fi de {0} est enregistré.", Site.Name];
        return Redirect($"/gestion/espaces/{id}/wifi");
    }

    public async Task<IActionResult> OnPostRemoveAsync(int id, CancellationToken ct)
    {
        if (await LoadSiteAsync(id, ct) is { } denied)
        {
            return denied;
        }
        await Db.WifiSites().Where(w => w.SiteId == id).ExecuteDeleteAsync(ct);
        Notice = T["Le Wi-Fi de {0} n'accepte plus personne par Cotravail.", Site.Name];
        return Redirect($"/gestion/espaces/{id}/wifi");
    }

    private PageResult Refuse(string message)
    {
        ModelState.AddModelError(nameof(NasIdentifier), T[message]);
        var page = Page();
        page.StatusCode = StatusCodes.Status400BadRequest;
        return page;
    }
}
