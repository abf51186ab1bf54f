using Cotravail.Web.Features.Accounts;
using Cotravail.Web.Features.Accounts.MyAccount;
using Cotravail.Web.Common;
using Cotravail.Web.Common.Idempotency;
using Cotravail.Web.Common.Security;
using Cotravail.Web.Data;
using Cotravail.Web.Features.Billing;
using Cotravail.Web.Features.Sites;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Web.Features.Reception.WalkIn;

/// <summary>
/// Someone came without booking, in three screens at most: find them (or not), say who they are and how they pay, and
/// reception's « Aujourd'hui » confirms the arrival. A desk of the shared space is taken and the day pass sold.
/// </summary>
public sealed class WalkInModel(AppDbContext db, CurrentUser me, Arrivals arrivals, ReceptionPeople people, IdempotencyStore once) : LocalizedPage
{
    public Site Site { get; private set; } = null!;
    public string? Query { get; private set; }
    public IReadOnlyList<PersonMatch> Matches { get; private set; } = [];

    /// <summary>The known person chosen, when there is one.</summary>
    public string? KnownName { get; private set; }

    public WalkInInput Input { get; set; } = new();

    /// <summary>The list of the postcode's communes (ADR 0051), with the one chosen and the message about it.</summary>
    public CommuneField Commune => new("Input.CommuneInsee", "Input_Postcode", Input.Postcode, Input.CommuneInsee,
        ModelState.TryGetValue("Input.CommuneInsee", out var entry) && entry.Errors.Count > 0 ? entry.Errors[0].ErrorMessage : null);

    /// <param name="email">The address of an account found by it (an account of another network is chosen by its address only).</param>
    public async Task<IActionResult> OnGetAsync(
        string slug, string? q, [FromQuery(Name = "visiteur")] int? visitorId, [FromQuery(Name = "membre")] string? userId,
        [FromQuery(Name = "courriel")] string? email, CancellationToken ct)
    {
        if (await LoadAsync(slug, ct) is { } denied)
        {
            return denied;
        }
        Query = q?.Trim();
        Input = new WalkInInput { VisitorId = visitorId, UserId = userId, Email = email, Method = PaymentMethod.Cash, Token = Guid.NewGuid().ToString("N") };
        if (NameSearch.Key(Query).Length >= NameSearch.MinLength)
        {
            Matches = await people.SearchAsync(Site, Query, ct);
        }
        await KnownAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string slug, WalkInInput input, CancellationToken ct)
    {
        Input = input;
        if (await LoadAsync(slug, ct) is { } denied)
        {
            return denied;
        }
        await KnownAsync(ct);
        if (KnownName is null && string.IsNullOrWhiteSpace(Input.FirstName) && string.IsNullOrWhiteSpace(Input.LastName))
        {
            ModelState.AddModelError("Input.LastName", T["Indiquez le nom de la personne."]);
        }
        var (commune, communeError) = CommuneChoice.Resolve(Input.Postcode, Input.CommuneInsee);
        if (communeError is not null)
        {
            ModelState.AddModelError("Input.CommuneInsee", T[communeError]);
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        if (!await once.TryClaimOnceAsync("walk-in:" + HostId, Input.Token, ct))
        {
            TempData["Notice"] = T["Cette venue est déjà enregistrée (formulaire envoyé deux fois)."].Value;
            return Redirect($"/accueil/{slug}");
        }
        var person = new WalkInPerson(Input.VisitorId, Input.UserId, Input.FirstName, Input.LastName, Input.Email, Input.Postcode, commune?.Insee);
        var (result, invoice) = await arrivals.WalkInAsync(Site, person, Input.Method ?? PaymentMethod.Cash, HostId, ct);
        if (!result.Ok)
        {
            var message = result.Outcome == ArrivalOutcome.AlreadyPresent
                ? T["{0} est déjà enregistré·e comme présent·e.", result.Name ?? ""]
                : T[result.Message];
            ModelState.AddModelError(result.Outcome == ArrivalOutcome.NoPostcode ? "Input.Postcode" : "", message);
            Input.Token = Guid.NewGuid().ToString("N");
            return Page();
        }
        TempData["Notice"] = T["Arrivée de {0} enregistrée ; pass journée vendu ({1}, facture {2}).",
            result.Name ?? "", Format.Euros(Site.DayPriceCents), invoice!.Number].Value;
        return Redirect($"/accueil/{slug}");
    }

    private string HostId => me.RequiredId;

    /// <summary>The person chosen, when the reception of this site may name them (<see cref="ReceptionPeople"/>); otherwise a new person.</summary>
    private async Task KnownAsync(CancellationToken ct)
    {
        if (Input.VisitorId is { } vid && await people.VisitorAsync(Site, vid, ct) is { } visitor)
        {
            KnownName = visitor.DisplayName;
            (Input.Postcode, Input.CommuneInsee) = Input.Postcode is null ? (visitor.Postcode, visitor.CommuneInsee) : (Input.Postcode, Input.CommuneInsee);
        }
        else if (Input.UserId is { } uid && await people.MemberAsync(Site, uid, Input.Email, ct) is { } user)
        {
            KnownName = user.DisplayName;
            (Input.Postcode, Input.CommuneInsee) = Input.Postcode is null ? (user.Postcode, user.CommuneInsee) : (Input.Postcode, Input.CommuneInsee);
        }
        else
        {
            Input.VisitorId = null;
            Input.UserId = null;
        }
    }

    private async Task<IActionResult?> LoadAsync(string slug, CancellationToken ct)
    {
        var site = await db.Sites.AsNoTracking().FirstOrDefaultAsync(s => s.Slug == slug && !s.IsArchived, ct);
        if (site is null)
        {
            return NotFound();
        }
        Site = site;
        return null;
    }
}
