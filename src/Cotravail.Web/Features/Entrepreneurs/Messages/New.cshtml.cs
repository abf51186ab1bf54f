using Cotravail.Web.Common;
using Cotravail.Web.Common.Security.RateLimiting;
using Cotravail.Web.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Web.Features.Entrepreneurs.Messages;

/// <summary>The contact form: a first message to a profile (or about a listing), relayed by e-mail.</summary>
[RateLimited(RateLimitPolicies.Contact)]
public sealed class NewModel(AppDbContext db, ContactRelay relay, Audiences audiences, TimeProvider clock) : LocalizedPage
{
    public Profile? Recipient { get; private set; }
    public Listing? Listing { get; private set; }
    public string? Refusal { get; private set; }

    [BindProperty]
    public MessageInput Input { get; set; } = new();

    private string Me => CurrentUser.RequiredId;

    public async Task<IActionResult> OnGetAsync([FromQuery(Name = "fiche")] int? profileId, [FromQuery(Name = "annonce")] int? listingId, CancellationToken ct)
    {
        if (!await LoadAsync(profileId, listingId, ct))
        {
            return NotFound();
        }
        Input.Subject = Listing?.Title;
        Refusal = await PreCheckAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync([FromForm(Name = "fiche")] int? profileId, [FromForm(Name = "annonce")] int? listingId, CancellationToken ct)
    {
        if (!await LoadAsync(profileId, listingId, ct))
        {
            return NotFound();
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var result = await relay.StartAsync(Me, Recipient!.Id, Listing?.Id, Input.Subject!, Input.Body!, ct);
        if (result.Outcome == ContactOutcome.Sent)
        {
            TempData["Notice"] = T["Votre message est envoyé. La réponse arrivera ici."].Value;
            return Redirect($"/messages/{result.ConversationId}");
        }
        if (result.Outcome == ContactOutcome.NotFound)
        {
            return NotFound();
        }
        Refusal = Explain(result.Outcome);
        return Page();
    }

    private async Task<string?> PreCheckAsync(CancellationToken ct)
    {
        if (Recipient!.OwnerUserId == Me)
        {
            return Explain(ContactOutcome.ToSelf);
        }
        if (Listing is not null && Listing.ExpiresOn < DirectoryClock.Today(clock))
        {
            return Explain(ContactOutcome.Expired);
        }
        return await relay.IsBlockedAsync(Recipient.OwnerUserId, Me, ct) ? Explain(ContactOutcome.Blocked) : null;
    }

    private string Explain(ContactOutcome outcome) => outcome switch
    {
        ContactOutcome.ToSelf => T["Vous ne pouvez pas vous écrire à vous-même."],
        ContactOutcome.Blocked => T["Ce membre ne souhaite pas recevoir de messages de votre part."],
        ContactOutcome.Expired => T["Cette annonce a expiré : on ne peut plus y répondre."],
        ContactOutcome.DailyLimit => T.Plural(relay.DailyLimit, "Vous avez pris contact avec {0} membre aujourd'hui, le maximum par jour. Réessayez demain ; les conversations en cours restent ouvertes.", "Vous avez pris contact avec {0} membres aujourd'hui, le maximum par jour. Réessayez demain ; les conversations en cours restent ouvertes."),
        _ => T["Ce membre n'existe pas (ou plus)."],
    };

    private async Task<bool> LoadAsync(int? profileId, int? listingId, CancellationToken ct)
    {
        if (listingId is { } lid)
        {
            Listing = await db.Listings().AsNoTracking().Include(l => l.Profile).FirstOrDefaultAsync(l => l.Id == lid && !l.IsHidden, ct);
            if (Listing is null)
            {
                return false;
            }
            profileId = Listing.ProfileId;
        }
        Recipient = profileId is null ? null
            : await db.Profiles().AsNoTracking().VisibleTo(await audiences.ForAsync(CurrentUser.Id, ct))
                .FirstOrDefaultAsync(p => p.Id == profileId, ct);
        return Recipient is not null;
    }
}
