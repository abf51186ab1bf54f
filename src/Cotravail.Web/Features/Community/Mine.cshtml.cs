using Cotravail.Web.Common.Security;
using Cotravail.Web.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Web.Features.Community;

/// <summary>A member's contributions to the life of the places, to come and past.</summary>
[Authorize]
public sealed class MineModel(AppDbContext db, CurrentUser me) : PageModel
{
    public IReadOnlyList<HelpTask> Tasks { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var userId = me.Id;
        Tasks = await db.HelpSignups.AsNoTracking().Where(s => s.UserId == userId)
            .Join(db.HelpTasks.Include(t => t.Site), s => s.TaskId, t => t.Id, (s, t) => t)
            .OrderByDescending(t => t.Date).Take(500).ToListAsync(ct);
    }
}
