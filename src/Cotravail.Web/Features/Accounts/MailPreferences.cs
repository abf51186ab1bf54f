using Cotravail.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Web.Features.Accounts;

/// <summary>
/// The e-mails an account chose to receive (« Mon compte »), read by their senders: reminders
/// (<see cref="AppUser.WantsReminders"/>), the directory's digest (<see cref="AppUser.WantsDigest"/>), news of the network
/// (<see cref="AppUser.WantsNews"/>). Mails that follow something the person did or that concerns their rights —
/// confirmations, invoices, payment reminders, cancellations, account security — always go (ADR 0047).
/// </summary>
public static class MailPreferences
{
    /// <summary>Of <paramref name="userIds"/> (people without an account skipped), those who turned reminders off.</summary>
    public static async Task<HashSet<string>> WithoutRemindersAsync(this AppDbContext db, IEnumerable<string?> userIds, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var ids = userIds.OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        if (ids.Count == 0)
        {
            return [];
        }
        var off = await db.Users.Where(u => !u.WantsReminders && ids.Contains(u.Id)).Select(u => u.Id).ToListAsync(ct);
        return [.. off];
    }
}
