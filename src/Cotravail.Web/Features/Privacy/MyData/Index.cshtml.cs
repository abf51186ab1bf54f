using Cotravail.Web.Common.PersonalData;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Cotravail.Web.Features.Accounts;

namespace Cotravail.Web.Features.Privacy.MyData;

/// <summary>« Mes données »: what Cotravail holds about me, per kind, with the two downloads and the way to delete the account.</summary>
[Authorize]
public sealed class IndexModel(UserManager<AppUser> users, PersonalDataExport export) : PageModel
{
    public IReadOnlyList<PersonalDataSet> Sets { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await users.GetUserAsync(User) is not { } user)
        {
            return Challenge();
        }
        Sets = await export.CollectAsync(new PersonalDataSubject(user.Id, (user.Email ?? "").Trim().ToLowerInvariant()), ct);
        return Page();
    }
}
