using Cotravail.Web.Common;
using Cotravail.Web.Data;
using Cotravail.Web.Features.Accounts;
using Cotravail.Web.Features.Sites;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Web.Features.Newcomers.Manage;

/// <summary>One request: what the person wrote, its history, and what a manager does with it (note, e-mail, status, introduction).</summary>
public sealed class DetailModel(
    AppDbContext db, StaffScope scope, NetworkMembership membership, NewcomerInbox inbox, Relay relay, UserManager<AppUser> users) : LocalizedPage
{
    public NewcomerRequest Item { get; private set; } = null!;
    public IReadOnlyList<Ambassador> Ambassadors { get; private set; } = [];
    public IReadOnlyList<Introduction> Introductions { get; private set; } = [];

    [BindProperty]
    public NoteInput Note { get; set; } = new();

    [BindProperty]
    public MailInput Mail { get; set; } = new();

    [TempData]
    public string? Notice { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostNoteAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }
        if (!Valid(nameof(Note)))
        {
            return Page();
        }
        var (userId, name) = await MeAsync();
        await inbox.AddNoteAsync(id, Note.Text!, userId, name, ct);
        Notice = T["Note ajoutée."];
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostStatusAsync(int id, string? status, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }
        Valid("status");
        if (RequestLabels.ParseStatus(status) is not { } chosen)
        {
            ModelState.AddModelError("status", T["Choisissez un statut dans la liste."]);
            return Page();
        }
        var (userId, name) = await MeAsync();
        Notice = await inbox.ChangeStatusAsync(id, chosen, userId, name, ct)
            ? T["Statut : {0}.", T[RequestLabels.Status(chosen)]]
            : T["La demande avait déjà ce statut."];
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostMailAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }
        if (Item.Email is null)
        {
            ModelState.AddModelError("Mail.Body", T["Cette personne n'a pas laissé d'adresse e-mail : appelez-la."]);
        }
        if (!Valid(nameof(Mail)))
        {
            return Page();
        }
        var (userId, name) = await MeAsync();
        await inbox.SendMailAsync(Item, Mail.Subject!, Mail.Body!, userId, name, ct);
        Notice = T["E-mail envoyé."];
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostIntroduceAsync(int id, int? ambassadorId, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }
        Valid("ambassadorId");
        var ambassador = Ambassadors.FirstOrDefault(a => a.Id == ambassadorId);
        if (ambassador is null)
        {
            ModelState.AddModelError("ambassadorId", T["Choisissez un ambassadeur ou une ambassadrice dans la liste."]);
        }
        else if (Item.Email is null)
        {
            ModelState.AddModelError("ambassadorId", T["La mise en relation passe par e-mail : cette personne n'a pas laissé d'adresse."]);
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var (userId, name) = await MeAsync();
        await relay.IntroduceAsync(Item, ambassador!, userId, name, ct);
        Notice = T["Mise en relation faite : chacun a reçu un e-mail avec le lien de l'échange."];
        return RedirectToPage(new { id });
    }

    /// <summary>Only the rules of the form sent count: the other forms of the page were not filled.</summary>
    private bool Valid(string prefix)
    {
        foreach (var key in ModelState.Keys.Where(k => k != prefix && !k.StartsWith(prefix + ".", StringComparison.Ordinal)).ToList())
        {
            ModelState.Remove(key);
        }
        // A form sent without any of its fields binds nothing, so nothing was validated: its rules are checked here.
        object? form = prefix switch { nameof(Note) => Note, nameof(Mail) => Mail, _ => null };
        if (form is not null && !ModelState.Keys.Any(k => k.StartsWith(prefix + ".", StringComparison.Ordinal)))
        {
            TryValidateModel(form, prefix);
        }
        return ModelState.IsValid;
    }

    private async Task<(string UserId, string Name)> MeAsync()
    {
        var me = await users.GetUserAsync(User);
        return (me!.Id, me.DisplayName);
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var networks = await scope.ManagedNetworkIdsAsync(User, ct);
        var found = await db.Set<NewcomerRequest>().AsNoTracking().Include(r => r.History.OrderBy(e => e.AtUtc).ThenBy(e => e.Id))
            .FirstOrDefaultAsync(r => r.Id == id && networks.Contains(r.NetworkId), ct);
        if (found is null)
        {
            return false;
        }
        Item = found;
        // The ambassadors of the request's network: members of it (ADR 0025).
        var people = await membership.PeopleOfAsync([found.NetworkId], ct);
        var ambassadors = db.Set<Ambassador>().AsNoTracking().Include(a => a.User).Where(a => a.IsActive);
        Ambassadors = await (people is null ? ambassadors : ambassadors.Where(a => people.Contains(a.UserId)))
            .OrderBy(a => a.User!.FirstName).ThenBy(a => a.Id).ToListAsync(ct);
        Introductions = await db.Set<Introduction>().AsNoTracking().Include(i => i.Ambassador).ThenInclude(a => a!.User)
            .Where(i => i.RequestId == id).OrderBy(i => i.CreatedAtUtc).ToListAsync(ct);
        return true;
    }
}
