namespace Cotravail.Web.Features.Audit;

/// <summary>
/// Gives the entries written before entries carried a site (ADR 0044) their site, so that the journal's site filter
/// finds them: from the record they name (its key), or for a deleted record from the values the entry kept
/// (<c>SiteId</c>). Used once by the migration that added <see cref="AuditEntry.SiteId"/>; entries of records without a
/// site (a network, an invoice, a role) stay without one.
/// </summary>
public static class AuditSiteBackfill
{
    private static readonly (string Type, string Table)[] WithSite =
    [
        ("CashUp", "CashUps"), ("Product", "Products"), ("Booking", "Bookings"), ("Visit", "Visits"), ("Resource", "Resources"),
        ("OpeningHours", "OpeningHours"), ("Closure", "Closures"), ("Payment", "Payments"), ("Entitlement", "Entitlements"),
        ("Receipt", "Receipts"),
    ];

    /// <summary>The statements, between lifting the table's read-only triggers and putting them back.</summary>
    public static IEnumerable<string> Statements(bool postgres) =>
        [.. AuditTable.Unprotect(postgres), .. Updates(postgres), .. AuditTable.Protect(postgres)];

    private static IEnumerable<string> Updates(bool postgres)
    {
        var key = postgres ? "CAST(NULLIF(split_part(a.\"EntityKey\", '/', 1), '') AS integer)" : "CAST(a.\"EntityKey\" AS INTEGER)";
        // Only entries of one record (a JSON object) kept the record's fields: entries of a save are written with their site.
        var kept = postgres
            ? "CASE WHEN a.\"Changes\" LIKE '{%' THEN CAST(COALESCE(CAST(a.\"Changes\" AS jsonb) -> 'SiteId' ->> 0, CAST(a.\"Changes\" AS jsonb) -> 'SiteId' ->> 1) AS integer) END"
            : "CASE WHEN a.\"Changes\" LIKE '{%' THEN CAST(COALESCE(json_extract(a.\"Changes\", '$.SiteId[0]'), json_extract(a.\"Changes\", '$.SiteId[1]')) AS INTEGER) END";
        yield return Update("'Site'", $"(SELECT x.\"Id\" FROM \"Sites\" x WHERE x.\"Id\" = {key})");
        // A host's key is « site/person ».
        yield return Update("'SiteHost'", $"(SELECT x.\"Id\" FROM \"Sites\" x WHERE x.\"Id\" = {key})");
        foreach (var (type, table) in WithSite)
        {
            yield return Update($"'{type}'", $"COALESCE((SELECT x.\"SiteId\" FROM \"{table}\" x WHERE x.\"Id\" = {key}), {kept})");
        }
    }

    private static string Update(string type, string site) =>
        $"UPDATE \"AuditEntries\" AS a SET \"SiteId\" = {site} WHERE a.\"EntityType\" = {type} AND a.\"SiteId\" IS NULL;";
}
