using System.Globalization;
using Cotravail.Web.Common;
using Cotravail.Web.Data;
using Cotravail.Web.Features.Sites;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Web.Features.SingleSignOn.Manage;

/// <summary>
/// « Connexion unique » of a network (<c>?reseau=ID</c>, managers of that network only): its OpenID Connect provider,
/// the client secret stored protected and never shown back, and the return address to give the provider.
/// </summary>
public sealed class SettingsModel(AppDbContext db, SignOnSettingsStore store) : LocalizedPage
{
    [BindProperty]
    public SettingsInput Input { get; set; } = new();

    public Network Network { get; private set; } = null!;
    public IReadOnlyList<Network> Managed { get; private set; } = [];
    public bool HasSecret { get; private set; }
    public string CallbackUrl { get; private set; } = "";

    [TempData]
    public string? Notice { get; set; }

    public static string Link(int networkId) => string.Create(CultureInfo.InvariantCulture, $"/gestion/reseau/connexion-unique?reseau={networkId}");

    public async Task<IActionResult> OnGetAsync([FromQuery(Name = "reseau")] int? networkId, CancellationToken ct)
    {
        if (await LoadAsync(networkId, ct) is { } denied)
        {
            return denied;
        }
        if (await store.FindAsync(Network.Id, ct) is { } row)
        {
            Input = new SettingsInput
            {
                DisplayName = row.DisplayName, Authority = row.Authority, ClientId = row.ClientId, Scopes = row.Scopes,
                EmailClaim = row.EmailClaim, AllowStaff = row.AllowStaff, AllowMembers = row.AllowMembers, Enabled = row.Enabled,
            };
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync([FromQuery(Name = "reseau")] int? networkId, CancellationToken ct)
    {
        if (await LoadAsync(networkId, ct) is { } denied)
        {
            return denied;
        }
        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        await store.SaveAsync(Network.Id, new SignOnSettingsInput(Input.DisplayName!, Input.Authority!, Input.ClientId!, Input.ClientSecret,
            Input.Scopes ?? "", Input.EmailClaim ?? "", Input.AllowStaff, Input.AllowMembers, Input.Enabled), CurrentUser.RequiredId, ct);
        Notice = T["La connexion unique du réseau est enregistrée."];
        return Redirect(Link(Network.Id));
    }

    /// <summary>The network asked for (or the first one managed), when the person manages it; 403 otherwise.</summary>
    private async Task<IActionResult?> LoadAsync(int? networkId, CancellationToken ct)
    {
        var reach = await CurrentUser.ReachAsync(ct);
        Managed = await db.Networks.AsNoTracking().Where(n => reach.ManagedNetworkIds.Contains(n.Id)).OrderBy(n => n.Name).ToListAsync(ct);
        var network = networkId is { } id ? Managed.FirstOrDefault(n => n.Id == id) : Managed.FirstOrDefault();
        if (network is null)
        {
            return Forbid();
        }
        Network = network;
        HasSecret = await db.Set<NetworkSignOn>().AsNoTracking().AnyAsync(p => p.NetworkId == network.Id && p.ClientSecretProtected != null, ct);
        var address = HttpContext.RequestServices.GetRequiredService<PublicAddress>();
        CallbackUrl = address.Absolute(SignOnRules.CallbackPath(network.Id));
        return null;
    }
}
