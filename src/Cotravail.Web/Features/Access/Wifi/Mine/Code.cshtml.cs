using Cotravail.Web.Common;
using Cotravail.Web.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Web.Features.Access.Wifi.Mine;

/// <summary>The member's personal Wi-Fi code, and a button that replaces it (a code seen by someone else stops working).</summary>
public sealed class CodeModel(WifiCodes codes, AppDbContext db) : LocalizedPage
{
    public string Code { get; private set; } = "";

    public string Email { get; private set; } = "";

    [TempData]
    public string? Notice { get; set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Code = await codes.CodeOfAsync(CurrentUser.RequiredId, ct);
        Email = await db.Users.Where(u => u.Id == CurrentUser.RequiredId).Select(u => u.Email).FirstOrDefaultAsync(ct) ?? "";
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await codes.RenewAsync(CurrentUser.RequiredId, ct);
        Notice = T["Votre nouveau code Wi-Fi est prêt : l'ancien ne fonctionne plus."];
        return Redirect("/ma-carte/wifi");
    }
}
