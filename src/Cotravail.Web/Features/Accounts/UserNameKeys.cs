using Cotravail.Web.Data;
using Cotravail.Web.Features.Reception;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace Cotravail.Web.Features.Accounts;

/// <summary>Keeps <see cref="AppUser.NameKey"/> equal to the normalised names, whoever changes them.</summary>
public static class UserNameKeys
{
    /// <summary>Called by the context before each save: accounts added or changed get their key again.</summary>
    public static void Refresh(ChangeTracker changes)
    {
        ArgumentNullException.ThrowIfNull(changes);
        foreach (var entry in changes.Entries<AppUser>())
        {
            if (entry.State is EntityState.Added or EntityState.Modified)
            {
                var key = NameSearch.Key(entry.Entity.FirstName, entry.Entity.LastName);
                if (!string.Equals(entry.Entity.NameKey, key, StringComparison.Ordinal))
                {
                    entry.Entity.NameKey = key;
                }
            }
        }
    }

    /// <summary>Gives a key to accounts saved before the column existed (at start; one quick query when none is left).</summary>
    public static async Task<int> BackfillAsync(AppDbContext db, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var total = 0;
        var after = "";
        while (true)
        {
            var batch = await db.Users.Where(u => u.NameKey == "" && (u.FirstName != "" || u.LastName != "") && string.Compare(u.Id, after) > 0)
                .OrderBy(u => u.Id).Take(500).ToListAsync(ct);
            if (batch.Count == 0)
            {
                return total;
            }
            foreach (var user in batch)
            {
                user.NameKey = NameSearch.Key(user.FirstName, user.LastName);
            }
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
            total += batch.Count;
            after = batch[^1].Id;
        }
    }
}
