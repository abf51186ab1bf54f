using Cotravail.Web.Common;
using Cotravail.Web.Data;
using Cotravail.Web.Features.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Web.Features.Newcomers.Members;

/// <summary>A member writes a testimony with an explicit consent, and may withdraw that consent: the testimony disappears.</summary>
public sealed class TestimonyModel(AppDbContext db, UserManager<AppUser> users, TimeProvider clock) : LocalizedPage
{
    public IReadOnlyList<Testimony> Mine { get; private set; } = [];

    [BindProperty]
    public TestimonyInput Input { get; set; } = new();

    [TempData]
    public string? Notice { get; set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }
        if (!ModelState.IsValid)
        {
            await LoadAsync(ct);
            return Page();
        }
        if (await Territory.NetworkIdAsync(db, ct) is not { } networkId)
        {
            return NotFound();
        }
        var now = clock.GetUtcNow().UtcDateTime;
        using (await WriteGate.EnterAsync(db, ct))
        {
            db.Add(new Testimony
            {
                NetworkId = networkId, UserId = user.Id, AuthorName = Relay.ShortName(user), Commune = string.IsNullOrWhiteSpace(Input.Commune) ? null : Input.Commune.Trim(),
                Text = Input.Text!.Trim(), Status = TestimonyStatus.Pending, ConsentAtUtc = now,
            });
            await db.SaveChangesAsync(ct);
        }
        Notice = T["Merci ! Votre témoignage sera publié après relecture par l'équipe."];
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostWithdrawAsync(int id, CancellationToken ct)
    {
        var userId = CurrentUser.Id;
        var now = clock.GetUtcNow().UtcDateTime;
        int changed;
        using (await WriteGate.EnterAsync(db, ct))
        {
            // The consent goes, and with it the text: nothing of the testimony remains to be shown.
            changed = await db.Set<Testimony>().Where(t => t.Id == id && t.UserId == userId && t.Status != TestimonyStatus.Withdrawn)
                .ExecuteUpdateAsync(s => s.SetProperty(t => t.Status, TestimonyStatus.Withdrawn).SetProperty(t => t.Text, "")
                    .SetProperty(t => t.WithdrawnAtUtc, now), ct);
        }
        if (changed == 0)
        {
            return NotFound();
        }
        Notice = T["Votre accord est retiré : le témoignage n'apparaît plus nulle part."];
        return RedirectToPage();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var userId = CurrentUser.Id;
        Mine = await db.Set<Testimony>().AsNoTracking().Where(t => t.UserId == userId && t.Status != TestimonyStatus.Withdrawn)
            .OrderByDescending(t => t.ConsentAtUtc).ThenByDescending(t => t.Id).ToListAsync(ct);
    }
}
