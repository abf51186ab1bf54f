using Cotravail.Web.Common;
using Cotravail.Web.Common.Security.RateLimiting;
using Cotravail.Web.Data;
using Cotravail.Web.Features.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Web.Features.Events.Agenda;

/// <summary>
/// One event: what, when, where, places left; members register in one click, others with name, e-mail and postcode
/// (a guest's registration mails the address given: limited per client address and per address mailed).
/// </summary>
[RateLimited(RateLimitPolicies.AddressMail, Handler = "Guest")]
public sealed class DetailsModel(
    AppDbContext db, RegistrationCommands commands, UserManager<AppUser> users, Sites.NetworkMembership membership, TimeProvider clock)
    : LocalizedPage, IRateLimitedAccount
{
    string? IRateLimitedAccount.RateLimitAccount => Guest.Email;

    public Event Event { get; private set; } = null!;
    public string DescriptionHtml { get; private set; } = "";
    public Registration? Mine { get; private set; }
    public string? ClosedReason { get; private set; }

    [BindProperty]
    public GuestInput Guest { get; set; } = new();

    [TempData]
    public string? Notice { get; set; }

    public DateTime NowUtc => clock.GetUtcNow().UtcDateTime;

    public bool SignedIn => User.Identity?.IsAuthenticated == true;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        ModelState.Clear();
        return await LoadAsync(id, ct) ?? Page();
    }

    public async Task<IActionResult> OnPostRegisterAsync(int id, CancellationToken ct)
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }
        var result = await commands.RegisterMemberAsync(id, user, ct);
        if (result.Outcome == RegisterOutcome.NotFound)
        {
            return NotFound();
        }
        if (result.Outcome is RegisterOutcome.Registered or RegisterOutcome.Waitlisted)
        {
            Notice = T[result.Message, result.MessageArgs];
            return Redirect($"/agenda/{id}");
        }
        ModelState.Clear();
        ModelState.AddModelError("", T[result.Message, result.MessageArgs]);
        return await LoadAsync(id, ct) ?? Page();
    }

    public async Task<IActionResult> OnPostGuestAsync(int id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } missing)
        {
            return missing;
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var result = await commands.RegisterGuestAsync(id, Guest.Name!, Guest.Email!, Guest.Postcode, ct);
        if (result.Outcome is RegisterOutcome.PleaseConfirm or RegisterOutcome.ConfirmationResent)
        {
            Notice = T[result.Message, result.MessageArgs];
            return Redirect($"/agenda/{id}");
        }
        var field = result.Outcome == RegisterOutcome.AlreadyRegistered ? $"{nameof(Guest)}.{nameof(GuestInput.Email)}" : "";
        ModelState.AddModelError(field, T[result.Message, result.MessageArgs]);
        return Page();
    }

    public async Task<IActionResult> OnPostCancelAsync(int id, CancellationToken ct)
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }
        var mine = user.Email is null ? null : await commands.ActiveAsync(id, user.Email, ct);
        if (mine is null)
        {
            return NotFound();
        }
        await commands.CancelAsync(mine.Id, ct);
        Notice = T["Votre inscription est annulée."];
        return Redirect($"/agenda/{id}");
    }

    private async Task<IActionResult?> LoadAsync(int id, CancellationToken ct)
    {
        var e = await db.Events.AsNoTracking().Include(x => x.Site).FirstOrDefaultAsync(x => x.Id == id, ct);
        if (e is null || !e.IsVisibleTo(await membership.NetworksOfAsync(CurrentUser.Id, ct)))
        {
            return NotFound();
        }
        Event = e;
        DescriptionHtml = EventText.ToHtml(e.Description);
        ClosedReason = e.RegistrationClosedReason(clock.GetUtcNow().UtcDateTime)
            ?? (e.Remaining == 0 && !RegistrationCommands.HasWaitlist(e) ? RegistrationCommands.SlotTaken : null);
        if (SignedIn && await users.GetUserAsync(User) is { Email: { } email })
        {
            Mine = await commands.ActiveAsync(id, email, ct);
        }
        return null;
    }

    /// <summary>The errors of the whole form (not of one field).</summary>
    public IEnumerable<string> FormErrors =>
        ModelState.TryGetValue("", out var entry) ? entry.Errors.Select(x => x.ErrorMessage) : [];
}
