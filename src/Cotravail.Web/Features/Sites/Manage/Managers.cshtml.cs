using Cotravail.Web.Common;
using Cotravail.Web.Data;
using Cotravail.Web.Features.Accounts;
using Cotravail.Web.Features.Accounts.TwoFactor;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Web.Features.Sites.Manage;

/// <summary>
/// The managers of a network and whether each uses two-factor authentication. Another manager of the network can reset
/// the 2FA of one who lost both phone and recovery codes, after a confirmation (<see cref="TwoFactorReset"/>). A network
/// the signed-in manager does not manage answers 403 before the handler (<see cref="Common.Security.StaffScopePages"/>), a person who is not one of its managers 404: nothing changes.
/// </summary>
public sealed class ManagersModel(AppDbContext db, UserManager<AppUser> users, TwoFactorReset reset) : LocalizedPage
{
    public Network Network { get; private set; } = null!;
    public IReadOnlyList<AppUser> Managers { get; private set; } = [];
    public string? Me { get; private set; }

    /// <summary>The manager whose reset is to be confirmed (<c>?confirmer=</c>).</summary>
    public AppUser? ToConfirm { get; private set; }

    [TempData]
    public string? Notice { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, [FromQuery(Name = "confirmer")] string? confirm, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } denied)
        {
            return denied;
        }
        if (!string.IsNullOrEmpty(confirm))
        {
            ToConfirm = Managers.FirstOrDefault(m => m.Id == confirm && m.Id != Me);
            if (ToConfirm is null)
            {
                return NotFound();
            }
        }
        return Page();
    }

    public async Task<IActionResult> OnPostResetTwoFactorAsync(int id, string? userId, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } denied)
        {
            return denied;
        }
        if (string.IsNullOrEmpty(userId))
        {
            return BadRequest();
        }
        var person = Managers.FirstOrDefault(m => m.Id == userId);
        if (person is null)
        {
            return NotFound();
        }
        if (person.Id == Me)
        {
            ModelState.AddModelError("", T["Pour votre propre compte, passez par la page « Double authentification » de votre compte."]);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        var manager = await users.GetUserAsync(User) ?? throw new InvalidOperationException("A signed-in manager has an account.");
        await reset.ResetAsync(person, manager, Network.Id, Network.Name, ct);
        Notice = T["La double authentification de {0} est réinitialisée : un e-mail l'en informe, et elle sera à configurer à sa prochaine connexion.", person.DisplayName];
        return Redirect($"/gestion/reseaux/{id}/gestionnaires");
    }

    private async Task<IActionResult?> LoadAsync(int id, CancellationToken ct)
    {
        var network = await db.Networks.AsNoTracking().FirstOrDefaultAsync(n => n.Id == id, ct);
        if (network is null)
        {
            return NotFound();
        }
        Network = network;
        Me = CurrentUser.Id;
        Managers = await db.NetworkManagers.Where(m => m.NetworkId == id).Select(m => m.User!)
            .OrderBy(u => u.LastName).ThenBy(u => u.FirstName).ThenBy(u => u.Email).ToListAsync(ct);
        return null;
    }
}
