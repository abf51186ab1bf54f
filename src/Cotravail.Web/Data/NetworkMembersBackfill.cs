namespace Cotravail.Web.Data;

/// <summary>
/// The network members (ADR 0025) that earlier data implies: everyone who booked, bought, was welcomed or registered to
/// an event at a network's site belongs to it since the first time. Run once by the migration that added the table, and
/// after the demo's generated activity (written straight to the tables). Rows already there are kept.
/// </summary>
public static class NetworkMembersBackfill
{
    private const string Insert = "INSERT INTO \"NetworkMembers\" (\"UserId\", \"NetworkId\", \"SinceUtc\") ";

    // Only accounts that exist (kept records of deleted accounts have none); the WHERE before ON CONFLICT keeps SQLite's
    // parser from reading the conflict clause as a join's.
    private const string Existing = "EXISTS (SELECT 1 FROM \"AspNetUsers\" u WHERE u.\"Id\" = x.\"UserId\")";

    public static IReadOnlyList<string> Statements { get; } =
    [
        Insert + "SELECT x.\"UserId\", s.\"NetworkId\", MIN(x.\"CreatedAtUtc\") FROM \"Bookings\" x JOIN \"Sites\" s ON s.\"Id\" = x.\"SiteId\" "
            + $"WHERE {Existing} GROUP BY x.\"UserId\", s.\"NetworkId\" ON CONFLICT DO NOTHING;",
        Insert + "SELECT x.\"UserId\", x.\"NetworkId\", MIN(x.\"CreatedAtUtc\") FROM \"Entitlements\" x "
            + $"WHERE {Existing} GROUP BY x.\"UserId\", x.\"NetworkId\" ON CONFLICT DO NOTHING;",
        Insert + "SELECT x.\"UserId\", s.\"NetworkId\", MIN(x.\"ArrivedAtUtc\") FROM \"Visits\" x JOIN \"Sites\" s ON s.\"Id\" = x.\"SiteId\" "
            + $"WHERE x.\"UserId\" IS NOT NULL AND {Existing} GROUP BY x.\"UserId\", s.\"NetworkId\" ON CONFLICT DO NOTHING;",
        Insert + "SELECT x.\"UserId\", s.\"NetworkId\", MIN(x.\"CreatedAtUtc\") FROM \"EventRegistrations\" x "
            + "JOIN \"Events\" e ON e.\"Id\" = x.\"EventId\" JOIN \"Sites\" s ON s.\"Id\" = e.\"SiteId\" "
            + $"WHERE x.\"UserId\" IS NOT NULL AND {Existing} GROUP BY x.\"UserId\", s.\"NetworkId\" ON CONFLICT DO NOTHING;",
    ];
}
