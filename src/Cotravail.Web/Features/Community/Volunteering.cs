using Cotravail.Web.Data;
using Cotravail.Web.Features.Sites;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Web.Features.Community;

public enum SignupOutcome
{
    SignedUp,
    Full,
    Already,
    Past,
    NotFound,
}

/// <summary>Signing up for and withdrawing from tasks; the counter is guarded in the database so a task never takes too many.</summary>
public sealed class Volunteering(AppDbContext db, TimeProvider clock)
{
    public async Task<SignupOutcome> SignUpAsync(int taskId, string userId, CancellationToken ct)
    {
        var task = await db.HelpTasks.AsNoTracking().Include(t => t.Site).FirstOrDefaultAsync(t => t.Id == taskId, ct);
        if (task is null)
        {
            return SignupOutcome.NotFound;
        }
        if (task.Date < SiteClock.Today(task.Site!, clock))
        {
            return SignupOutcome.Past;
        }
        using var gate = await WriteGate.EnterAsync(db, ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (await db.HelpSignups.AnyAsync(s => s.TaskId == taskId && s.UserId == userId, ct))
        {
            return SignupOutcome.Already;
        }
        var taken = await db.HelpTasks.Where(t => t.Id == taskId && t.SignedUp < t.PeopleNeeded)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.SignedUp, t => t.SignedUp + 1), ct);
        if (taken == 0)
        {
            return SignupOutcome.Full;
        }
        db.HelpSignups.Add(new HelpSignup { TaskId = taskId, UserId = userId, CreatedAtUtc = clock.GetUtcNow().UtcDateTime });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (DbErrors.IsUniqueViolation(e))
        {
            db.ChangeTracker.Clear();
            return SignupOutcome.Already; // the same person at the same moment: the transaction is rolled back
        }
        await tx.CommitAsync(ct);
        return SignupOutcome.SignedUp;
    }

    /// <summary>Withdraws; true when the member was signed up.</summary>
    public async Task<bool> WithdrawAsync(int taskId, string userId, CancellationToken ct)
    {
        using var gate = await WriteGate.EnterAsync(db, ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var removed = await db.HelpSignups.Where(s => s.TaskId == taskId && s.UserId == userId).ExecuteDeleteAsync(ct);
        if (removed == 0)
        {
            return false;
        }
        await db.HelpTasks.Where(t => t.Id == taskId).ExecuteUpdateAsync(s => s.SetProperty(t => t.SignedUp, t => t.SignedUp - 1), ct);
        await tx.CommitAsync(ct);
        return true;
    }
}
