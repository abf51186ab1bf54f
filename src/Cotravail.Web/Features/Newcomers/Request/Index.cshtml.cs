using Cotravail.Web.Common;
using Cotravail.Web.Data;
using Microsoft.AspNetCore.Mvc;
using Cotravail.Web.Common.Security.RateLimiting;

namespace Cotravail.Web.Features.Newcomers.Request;

/// <summary>
/// « Je m'installe / je découvre »: anyone, without an account, tells us about their project (rate-limited per client
/// address and per address the acknowledgement is mailed to).
/// </summary>
[RateLimited(RateLimitPolicies.PublicForm)]
public sealed class IndexModel(AppDbContext db, NewcomerInbox inbox) : LocalizedPage, IRateLimitedAccount
{
    string? IRateLimitedAccount.RateLimitAccount => Input.Email;

    [BindProperty]
    public RequestForm Input { get; set; } = new();

    public void OnGet() => Input = new RequestForm { Kind = RequestForm.Person };

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        ModelState.AddObjectRules(Input, nameof(Input), HttpContext.RequestServices);
        if (!ModelState.IsValid)
        {
            return Page();
        }
        if (await Territory.NetworkIdAsync(db, ct) is not { } networkId)
        {
            ModelState.AddModelError(string.Empty, T["Aucun réseau n'accueille encore de demandes."]);
            return Page();
        }
        var request = await inbox.SubmitAsync(networkId, Input, ct);
        return RedirectToPage("Thanks", new { courriel = request.Email is null ? 0 : 1 });
    }
}
