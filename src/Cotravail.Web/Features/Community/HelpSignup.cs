using Microsoft.EntityFrameworkCore;
using Cotravail.Web.Features.Accounts;
using Cotravail.Web.Features.Sites;

namespace Cotravail.Web.Features.Community;

/// <summary>A member who volunteers for a task (once per task).</summary>
public sealed class HelpSignup
{
    public int TaskId { get; set; }
    public string UserId { get; set; } = "";
    public AppUser? User { get; set; }
    public DateTime CreatedAtUtc { get; set; }
}
