using System.Security.Claims;
using Cotravail.Web.Common;
using Cotravail.Web.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Web.Features.Entrepreneurs.Messages;

/// <summary>One conversation of the relay: only its two people see it; each reply is announced to the other by e-mail.</summary>
public sealed class ConversationModel(AppDbContext db, ContactRelay relay) : LocalizedPage
{
    public Conversation? Conversation { get; private set; }
    public string OtherName { get; private set; } = "";
    public string Me => User.FindFirstValue(ClaimTypes.NameIdentifier)!;
    public bool BlockedByOther { get; private set; }
    public bool IBlocked { get; private set; }

    [BindProperty]
    public ReplyInput Input { get; set; } = new();

    [TempData]
    public string? Notice { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) =>
        await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var outcome = await relay.ReplyAsync(Me, id, Input.Body!, ct);
        if (outcome == ContactOutcome.Blocked)
        {
            BlockedByOther = true; // the page says so in place of the form
            return Page();
        }
        Notice = T["Votre réponse est envoyée."];
        return Redirect($"/messages/{id}");
    }

    public async Task<IActionResult> OnPostBlockAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }
        await relay.BlockAsync(Me, Conversation!.OtherThan(Me), ct);
        Notice = T["{0} ne peut plus vous écrire. Vous pouvez le débloquer depuis « Mes messages ».", OtherName];
        return Redirect($"/messages/{id}");
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var me = Me;
        Conversation = await db.Conversations().AsNoTracking().Include(c => c.Messages)
            .FirstOrDefaultAsync(c => c.Id == id && (c.StarterUserId == me || c.RecipientUserId == me), ct);
        if (Conversation is null)
        {
            return false;
        }
        var other = Conversation.OtherThan(me);
        OtherName = await relay.SenderNameAsync(other, ct);
        BlockedByOther = await relay.IsBlockedAsync(other, me, ct);
        IBlocked = await relay.IsBlockedAsync(me, other, ct);
        return true;
    }
}
