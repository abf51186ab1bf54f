using System.Security.Claims;
using Cotravail.Web.Common;
using Cotravail.Web.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Web.Features.Entrepreneurs.Messages;

/// <summary>« Mes messages »: the member's conversations through the relay, and the people they blocked.</summary>
public sealed class IndexModel(AppDbContext db, ContactRelay relay) : LocalizedPage
{
    public IReadOnlyList<Conversation> Conversations { get; private set; } = [];
    public Dictionary<int, string> Names { get; } = [];
    public IReadOnlyList<(string UserId, string Name)> Blocked { get; private set; } = [];

    [TempData]
    public string? Notice { get; set; }

    private string Me => User.FindFirstValue(ClaimTypes.NameIdentifier)!;

    public async Task OnGetAsync(CancellationToken ct)
    {
        var me = Me;
        Conversations = await db.Conversations().AsNoTracking().Where(c => c.StarterUserId == me || c.RecipientUserId == me)
            .OrderByDescending(c => c.LastMessageAtUtc).Take(200).ToListAsync(ct);
        foreach (var c in Conversations)
        {
            Names[c.Id] = await relay.SenderNameAsync(c.OtherThan(me), ct);
        }
        var blocked = await db.Blocks().AsNoTracking().Where(b => b.BlockerUserId == me).Select(b => b.BlockedUserId).ToListAsync(ct);
        var list = new List<(string, string)>();
        foreach (var id in blocked)
        {
            list.Add((id, await relay.SenderNameAsync(id, ct)));
        }
        Blocked = list;
    }

    public async Task<IActionResult> OnPostUnblockAsync(string userId, CancellationToken ct)
    {
        await relay.UnblockAsync(Me, userId ?? "", ct);
        Notice = T["Cette personne peut de nouveau vous écrire."];
        return Redirect("/messages");
    }
}
