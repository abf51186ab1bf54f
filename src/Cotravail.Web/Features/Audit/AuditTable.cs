using Cotravail.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Web.Features.Audit;

/// <summary>
/// The audit table only grows: database triggers refuse any UPDATE or DELETE of its rows, whoever sends them
/// (created after the migrations, on start, so that regenerated migrations keep them; a migration that must fill a
/// new column lifts them for its own statements and puts them back, see <see cref="AuditNetworkBackfill"/>).
/// </summary>
public static class AuditTable
{
    public const string ReadOnlyMessage = "Le journal d'audit ne se modifie pas et ne s'efface pas.";

    public static async Task ProtectAsync(AppDbContext db, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (!db.Database.IsSqlite() && !db.Database.IsNpgsql())
        {
            return;
        }
        foreach (var statement in Protect(postgres: db.Database.IsNpgsql()))
        {
            await db.Database.ExecuteSqlRawAsync(statement, ct);
        }
    }

    /// <summary>The triggers that refuse changes, created when missing.</summary>
    public static IEnumerable<string> Protect(bool postgres) => postgres
        ? ["""
            CREATE OR REPLACE FUNCTION audit_entries_read_only() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN RAISE EXCEPTION 'Le journal d''audit ne se modifie pas et ne s''efface pas.'; END $$;
            CREATE OR REPLACE TRIGGER "AuditEntries_read_only" BEFORE UPDATE OR DELETE ON "AuditEntries"
            FOR EACH ROW EXECUTE FUNCTION audit_entries_read_only();
            """]
        : ["""
            CREATE TRIGGER IF NOT EXISTS "AuditEntries_no_update" BEFORE UPDATE ON "AuditEntries"
            BEGIN SELECT RAISE(ABORT, 'Le journal d''audit ne se modifie pas et ne s''efface pas.'); END;
            """,
            """
            CREATE TRIGGER IF NOT EXISTS "AuditEntries_no_delete" BEFORE DELETE ON "AuditEntries"
            BEGIN SELECT RAISE(ABORT, 'Le journal d''audit ne se modifie pas et ne s''efface pas.'); END;
            """];

    /// <summary>Drops the triggers, for a migration's own statements only (followed by <see cref="Protect"/>).</summary>
    public static IEnumerable<string> Unprotect(bool postgres) => postgres
        ? ["DROP TRIGGER IF EXISTS \"AuditEntries_read_only\" ON \"AuditEntries\";"]
        : ["DROP TRIGGER IF EXISTS \"AuditEntries_no_update\";", "DROP TRIGGER IF EXISTS \"AuditEntries_no_delete\";"];
}
