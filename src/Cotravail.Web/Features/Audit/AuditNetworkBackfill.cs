namespace Cotravail.Web.Features.Audit;

/// <summary>
/// Gives the lines written before audit lines carried a network their network, from the record they name (its key),
/// or for a deleted record from the values the line kept (<c>SiteId</c>, <c>NetworkId</c>). Used once by the migration
/// that added <see cref="AuditEntry.NetworkId"/>; lines whose network cannot be found stay without one (a person's role).
/// </summary>
public static class AuditNetworkBackfill
{
    private sealed record Source(string Type, string Table, bool BySite);

    private static readonly Source[] Sources =
    [
        new("Invoice", "Invoices", false), new("Payment", "Payments", false), new("Entitlement", "Entitlements", false),
        new("MemberCategoryGrant", "MemberCategoryGrants", false), new("Site", "Sites", false),
        new("CashUp", "CashUps", true), new("Product", "Products", true), new("Booking", "Bookings", true),
        new("Visit", "Visits", true), new("Resource", "Resources", true), new("OpeningHours", "OpeningHours", true),
        new("Closure", "Closures", true),
    ];

    /// <summary>The statements, between lifting the table's read-only triggers and putting them back.</summary>
    public static IEnumerable<string> Statements(bool postgres) =>
        [.. AuditTable.Unprotect(postgres), .. Updates(postgres), .. AuditTable.Protect(postgres)];

    private static IEnumerable<string> Updates(bool postgres)
    {
        var key = postgres ? "CAST(split_part(a.\"EntityKey\", '/', 1) AS integer)" : "CAST(a.\"EntityKey\" AS INTEGER)";
        // The value before the change, else after (a line of a record created, then deleted since).
        string Kept(string field) => postgres
            ? $"CAST(COALESCE(CAST(a.\"Changes\" AS jsonb) -> '{field}' ->> 0, CAST(a.\"Changes\" AS jsonb) -> '{field}' ->> 1) AS integer)"
            : $"CAST(COALESCE(json_extract(a.\"Changes\", '$.{field}[0]'), json_extract(a.\"Changes\", '$.{field}[1]')) AS INTEGER)";
        // Keys of two parts (« 3/user-id ») start with the network or the site; SQLite's CAST keeps the leading number.
        yield return Update("'Network'", key);
        yield return Update("'NetworkManager'", key);
        yield return Update("'SiteHost'", $"(SELECT s.\"NetworkId\" FROM \"Sites\" s WHERE s.\"Id\" = {key})");
        foreach (var source in Sources)
        {
            var live = source.BySite
                ? $"(SELECT s.\"NetworkId\" FROM \"{source.Table}\" x JOIN \"Sites\" s ON s.\"Id\" = x.\"SiteId\" WHERE x.\"Id\" = {key})"
                : source.Type == "Site"
                    ? $"(SELECT x.\"NetworkId\" FROM \"Sites\" x WHERE x.\"Id\" = {key})"
                    : $"(SELECT x.\"NetworkId\" FROM \"{source.Table}\" x WHERE x.\"Id\" = {key})";
            var kept = source.BySite
                ? $"(SELECT s.\"NetworkId\" FROM \"Sites\" s WHERE s.\"Id\" = {Kept("SiteId")})"
                : Kept("NetworkId");
            yield return Update($"'{source.Type}'", $"COALESCE({live}, {kept})");
        }
    }

    private static string Update(string type, string network) =>
        $"UPDATE \"AuditEntries\" AS a SET \"NetworkId\" = {network} WHERE a.\"EntityType\" = {type} AND a.\"NetworkId\" IS NULL;";
}
