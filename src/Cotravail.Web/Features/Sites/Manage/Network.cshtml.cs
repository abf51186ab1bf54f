using Cotravail.Web.Common;
using Cotravail.Web.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Web.Features.Sites.Manage;

/// <summary>A manager edits their network's name and invoicing identity.</summary>
public sealed class NetworkModel(AppDbContext db) : LocalizedPage
{
    [BindProperty]
    public NetworkInput Input { get; set; } = new();

    public Network Network { get; private set; } = null!;

    [TempData]
    public string? Notice { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } denied)
        {
            return denied;
        }
        Input = NetworkInput.From(Network);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } denied)
        {
            return denied;
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        Input.ApplyTo(Network);
        await db.SaveChangesAsync(ct);
        Notice = T["Les informations du réseau sont enregistrées."];
        return Redirect($"/gestion/reseaux/{id}");
    }

    private async Task<IActionResult?> LoadAsync(int id, CancellationToken ct)
    {
        var network = await db.Networks.FirstOrDefaultAsync(n => n.Id == id, ct);
        if (network is null)
        {
            return NotFound();
        }
        Network = network;
        return null;
    }
}
