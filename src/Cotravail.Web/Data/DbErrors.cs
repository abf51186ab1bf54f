using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Cotravail.Web.Data;

/// <summary>Recognises the database's own "no" (a unique key taken, a serialisation failure) on both providers.</summary>
public static class DbErrors
{
    public static bool IsUniqueViolation(Exception e) => Inner(e) switch
    {
        SqliteException s => s.SqliteErrorCode == 19 && s.SqliteExtendedErrorCode is 2067 or 1555,
        PostgresException p => p.SqlState == PostgresErrorCodes.UniqueViolation,
        _ => false,
    };

    /// <summary>The table whose unique key was violated, when the database says it.</summary>
    public static string? ViolatedTable(Exception e) => Inner(e) switch
    {
        // SQLite: "UNIQUE constraint failed: BookedHalves.ResourceId, …"
        SqliteException s when s.Message.Contains("constraint failed: ", StringComparison.Ordinal) =>
            s.Message[(s.Message.IndexOf("constraint failed: ", StringComparison.Ordinal) + 19)..].Split('.')[0],
        PostgresException p => p.TableName,
        _ => null,
    };

    /// <summary>A write that lost a race and may simply be tried again (PostgreSQL 40001/40P01, SQLite busy).</summary>
    public static bool IsTransient(Exception e) => Inner(e) switch
    {
        SqliteException s => s.SqliteErrorCode is 5 or 6,
        PostgresException p => p.SqlState is PostgresErrorCodes.SerializationFailure or PostgresErrorCodes.DeadlockDetected,
        _ => false,
    };

    private static Exception Inner(Exception e) => e is DbUpdateException { InnerException: { } inner } ? inner : e;
}
