namespace Cotravail.Web.Features.Billing.Entitlements;

/// <summary>
/// The person behind an e-mail address, for the one free discovery day: lower case, trimmed, without the « +tag » of
/// the local part (<c>Marie+essai@Exemple.fr</c> → <c>marie@exemple.fr</c>); for Gmail, whose mailboxes ignore dots
/// and answer on both domains, without the dots and on gmail.com (<c>m.a.rie@googlemail.com</c> → <c>marie@gmail.com</c>).
/// Other providers are left with their dots: for them a dot may tell two mailboxes apart.
/// </summary>
public static class DiscoveryKey
{
    public const string Gmail = "gmail.com";
    public const string GoogleMail = "googlemail.com";

    public static string? Of(string? email)
    {
        if (string.IsNullOrWhiteSpace(email))
        {
            return null;
        }
        var address = email.Trim().ToLowerInvariant();
        var at = address.IndexOf('@', StringComparison.Ordinal);
        if (at < 0)
        {
            return address;
        }
        var local = address[..at];
        var domain = address[(at + 1)..];
        var plus = local.IndexOf('+', StringComparison.Ordinal);
        if (plus > 0)
        {
            local = local[..plus];
        }
        if (domain == GoogleMail)
        {
            domain = Gmail;
        }
        if (domain == Gmail)
        {
            local = local.Replace(".", "", StringComparison.Ordinal);
        }
        return local + "@" + domain;
    }

    /// <summary>
    /// The same rule in SQL, for the migration that gives existing discovery days their key: <paramref name="email"/>
    /// is a column or expression. The address is expected to hold one « @ », as Identity's accounts do.
    /// </summary>
    public static string Sql(bool pg, string email)
    {
        string Find(string what, string where) => pg ? $"strpos({where}, {what})" : $"instr({where}, {what})";
        var m = pg ? $"lower(btrim({email}))" : $"lower(trim({email}))";
        var at = Find("'@'", m);
        var local0 = $"substr({m}, 1, {at} - 1)";
        var domain0 = $"substr({m}, {at} + 1)";
        var plus = Find("'+'", local0);
        var local1 = $"(CASE WHEN {plus} > 1 THEN substr({local0}, 1, {plus} - 1) ELSE {local0} END)";
        var domain = $"(CASE WHEN {domain0} = '{GoogleMail}' THEN '{Gmail}' ELSE {domain0} END)";
        var local = $"(CASE WHEN {domain} = '{Gmail}' THEN replace({local1}, '.', '') ELSE {local1} END)";
        return $"(CASE WHEN {email} IS NULL THEN NULL WHEN {at} > 0 THEN {local} || '@' || {domain} ELSE {m} END)";
    }

    /// <summary>
    /// Gives the discovery days taken before keys existed the key of their member's address; when several accounts of
    /// one person took one, the first keeps the key and the others none (their day stays taken by their account).
    /// Run before the unique index on the key is created (the migration does so).
    /// </summary>
    public static string[] BackfillSql(bool pg) =>
    [
        $"""
        UPDATE "DiscoveryDays" SET "EmailKey" = (SELECT {Sql(pg, "u.\"Email\"")} FROM "AspNetUsers" u WHERE u."Id" = "DiscoveryDays"."UserId")
        WHERE "EmailKey" IS NULL
        """,
        """
        UPDATE "DiscoveryDays" SET "EmailKey" = NULL
        WHERE "UserId" IN (SELECT "UserId" FROM (
            SELECT "UserId", ROW_NUMBER() OVER (PARTITION BY "EmailKey" ORDER BY "TakenAtUtc", "UserId") AS "Rank"
            FROM "DiscoveryDays" WHERE "EmailKey" IS NOT NULL) AS ranked WHERE "Rank" > 1)
        """,
    ];
}
