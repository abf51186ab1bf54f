namespace Cotravail.Web.Features.Observatory.Aggregates;

/// <summary>
/// The SQL that keeps the observatory's counters: triggers on visits, desk day counters and invoice lines (one set per
/// provider), and the rebuild of every counter from the source tables. A trigger runs inside the writing transaction,
/// so a counter is never ahead of or behind what was committed, whoever writes (the app, an import, a test).
/// </summary>
internal static class AggregateSql
{
    /// <summary>Raise when the triggers change: the next start recreates them and rebuilds the counters.</summary>
    public const int Version = 4;

    private const int Regular = IndicatorsQuery.RegularVisitsAMonth;

    private static string Month(bool pg, string date) => pg ? $"date_trunc('month', {date})::date" : $"substr({date}, 1, 8) || '01'";

    private static string Product(bool pg, string text) =>
        pg ? $"split_part({text}, ' – ', 1)" : $"CASE WHEN instr({text}, ' – ') > 0 THEN substr({text}, 1, instr({text}, ' – ') - 1) ELSE {text} END";

    /// <summary>Empties the counters and computes them again from visits, day counters and invoices.</summary>
    public static string[] Rebuild(bool pg) =>
    [
        "DELETE FROM \"ObservatoryVisitorMonths\"",
        "DELETE FROM \"ObservatorySiteMonths\"",
        "DELETE FROM \"ObservatoryOrigins\"",
        "DELETE FROM \"ObservatoryDeskMonths\"",
        "DELETE FROM \"ObservatoryRevenue\"",
        $"""
        INSERT INTO "ObservatoryVisitorMonths" ("SiteId", "Month", "VisitorId", "Visits")
        SELECT "SiteId", {Month(pg, "\"Date\"")}, "VisitorId", COUNT(*) FROM "Visits" GROUP BY 1, 2, 3
        """,
        $"""
        INSERT INTO "ObservatorySiteMonths" ("SiteId", "Month", "Visits", "Visitors", "Regulars")
        SELECT "SiteId", "Month", SUM("Visits"), COUNT(*), SUM(CASE WHEN "Visits" >= {Regular} THEN 1 ELSE 0 END)
        FROM "ObservatoryVisitorMonths" GROUP BY "SiteId", "Month"
        """,
        $"""
        INSERT INTO "ObservatoryOrigins" ("SiteId", "Month", "Postcode", "Insee", "Visits")
        SELECT "SiteId", {Month(pg, "\"Date\"")}, COALESCE("Postcode", '?'), COALESCE("CommuneInsee", ''), COUNT(*) FROM "Visits" GROUP BY 1, 2, 3, 4
        """,
        $"""
        INSERT INTO "ObservatoryOrigins" ("SiteId", "Month", "Postcode", "Insee", "Visits")
        SELECT -s."NetworkId", {Month(pg, "v.\"Date\"")}, COALESCE(v."Postcode", '?'), COALESCE(v."CommuneInsee", ''), COUNT(*)
        FROM "Visits" v JOIN "Sites" s ON s."Id" = v."SiteId" GROUP BY 1, 2, 3, 4
        """,
        $"""
        INSERT INTO "ObservatoryDeskMonths" ("ResourceId", "Month", "HalfDays")
        SELECT "ResourceId", {Month(pg, "\"Date\"")}, SUM("Morning" + "Afternoon") FROM "DeskDays" GROUP BY 1, 2
        """,
        $"""
        INSERT INTO "ObservatoryRevenue" ("NetworkId", "Month", "Product", "Lines", "Cents")
        SELECT i."NetworkId", {Month(pg, "i.\"IssueDate\"")}, {Product(pg, "l.\"Description\"")}, COUNT(*),
               SUM(CASE WHEN i."Kind" = 1 THEN -l."TotalInclTaxCents" ELSE l."TotalInclTaxCents" END)
        FROM "InvoiceLine" l JOIN "Invoices" i ON i."Id" = l."InvoiceId" GROUP BY 1, 2, 3
        """,
    ];

    public static readonly string[] SqliteTriggerNames =
        ["TR_Visits_Obs_Insert", "TR_Visits_Obs_Delete", "TR_Visits_Obs_Update", "TR_DeskDays_Obs_Insert", "TR_DeskDays_Obs_Delete",
         "TR_DeskDays_Obs_Update", "TR_InvoiceLines_Obs_Insert", "TR_InvoiceLines_Obs_Delete"];

    /// <summary>SQLite: one trigger per table and operation; an update is a removal of the old row and an addition of the new.</summary>
    public static string[] SqliteTriggers() =>
    [
        $"""CREATE TRIGGER "TR_Visits_Obs_Insert" AFTER INSERT ON "Visits" BEGIN {SqliteVisit("NEW", +1)} END""",
        $"""CREATE TRIGGER "TR_Visits_Obs_Delete" AFTER DELETE ON "Visits" BEGIN {SqliteVisit("OLD", -1)} END""",
        $"""
        CREATE TRIGGER "TR_Visits_Obs_Update" AFTER UPDATE OF "SiteId", "Date", "VisitorId", "Postcode", "CommuneInsee" ON "Visits"
        WHEN OLD."SiteId" IS NOT NEW."SiteId" OR OLD."Date" IS NOT NEW."Date" OR OLD."VisitorId" IS NOT NEW."VisitorId" OR OLD."Postcode" IS NOT NEW."Postcode"
          OR OLD."CommuneInsee" IS NOT NEW."CommuneInsee"
        BEGIN {SqliteVisit("OLD", -1)} {SqliteVisit("NEW", +1)} END
        """,
        $"""CREATE TRIGGER "TR_DeskDays_Obs_Insert" AFTER INSERT ON "DeskDays" BEGIN {SqliteDesk("NEW", "+")} END""",
        $"""CREATE TRIGGER "TR_DeskDays_Obs_Delete" AFTER DELETE ON "DeskDays" BEGIN {SqliteDesk("OLD", "-")} END""",
        $"""CREATE TRIGGER "TR_DeskDays_Obs_Update" AFTER UPDATE ON "DeskDays" BEGIN {SqliteDesk("OLD", "-")} {SqliteDesk("NEW", "+")} END""",
        $"""CREATE TRIGGER "TR_InvoiceLines_Obs_Insert" AFTER INSERT ON "InvoiceLine" BEGIN {SqliteLine("NEW", "+")} END""",
        $"""CREATE TRIGGER "TR_InvoiceLines_Obs_Delete" AFTER DELETE ON "InvoiceLine" BEGIN {SqliteLine("OLD", "-")} END""",
    ];

    private static string SqliteVisit(string row, int delta)
    {
        var month = Month(false, $"{row}.\"Date\"");
        var key = $"\"SiteId\" = {row}.\"SiteId\" AND \"Month\" = {month}";
        var count = $"(SELECT \"Visits\" FROM \"ObservatoryVisitorMonths\" WHERE {key} AND \"VisitorId\" = {row}.\"VisitorId\")";
        var postcode = $"COALESCE({row}.\"Postcode\", '?')";
        var insee = $"COALESCE({row}.\"CommuneInsee\", '')";
        var network = $"-(SELECT \"NetworkId\" FROM \"Sites\" WHERE \"Id\" = {row}.\"SiteId\")";
        return delta > 0
            ? $"""
              INSERT INTO "ObservatoryVisitorMonths" ("SiteId", "Month", "VisitorId", "Visits") VALUES ({row}."SiteId", {month}, {row}."VisitorId", 1)
                ON CONFLICT ("SiteId", "Month", "VisitorId") DO UPDATE SET "Visits" = "Visits" + 1;
              INSERT INTO "ObservatorySiteMonths" ("SiteId", "Month", "Visits", "Visitors", "Regulars") VALUES ({row}."SiteId", {month}, 0, 0, 0)
                ON CONFLICT ("SiteId", "Month") DO NOTHING;
              UPDATE "ObservatorySiteMonths" SET "Visits" = "Visits" + 1, "Visitors" = "Visitors" + ({count} = 1),
                "Regulars" = "Regulars" + ({count} = {Regular}) WHERE {key};
              INSERT INTO "ObservatoryOrigins" ("SiteId", "Month", "Postcode", "Insee", "Visits") VALUES ({row}."SiteId", {month}, {postcode}, {insee}, 1)
                ON CONFLICT ("SiteId", "Month", "Postcode", "Insee") DO UPDATE SET "Visits" = "Visits" + 1;
              INSERT INTO "ObservatoryOrigins" ("SiteId", "Month", "Postcode", "Insee", "Visits") VALUES ({network}, {month}, {postcode}, {insee}, 1)
                ON CONFLICT ("SiteId", "Month", "Postcode", "Insee") DO UPDATE SET "Visits" = "Visits" + 1;
              """
            : $"""
              UPDATE "ObservatorySiteMonths" SET "Visits" = "Visits" - 1, "Visitors" = "Visitors" - ({count} = 1),
                "Regulars" = "Regulars" - ({count} = {Regular}) WHERE {key};
              UPDATE "ObservatoryVisitorMonths" SET "Visits" = "Visits" - 1 WHERE {key} AND "VisitorId" = {row}."VisitorId";
              DELETE FROM "ObservatoryVisitorMonths" WHERE {key} AND "VisitorId" = {row}."VisitorId" AND "Visits" <= 0;
              UPDATE "ObservatoryOrigins" SET "Visits" = "Visits" - 1
                WHERE "SiteId" IN ({row}."SiteId", {network}) AND "Month" = {month} AND "Postcode" = {postcode} AND "Insee" = {insee};
              DELETE FROM "ObservatoryOrigins"
                WHERE "SiteId" IN ({row}."SiteId", {network}) AND "Month" = {month} AND "Postcode" = {postcode} AND "Insee" = {insee} AND "Visits" <= 0;
              """;
    }

    private static string SqliteDesk(string row, string sign)
    {
        var month = Month(false, $"{row}.\"Date\"");
        return $"""
            INSERT INTO "ObservatoryDeskMonths" ("ResourceId", "Month", "HalfDays") VALUES ({row}."ResourceId", {month}, 0)
              ON CONFLICT ("ResourceId", "Month") DO NOTHING;
            UPDATE "ObservatoryDeskMonths" SET "HalfDays" = "HalfDays" {sign} ({row}."Morning" + {row}."Afternoon")
              WHERE "ResourceId" = {row}."ResourceId" AND "Month" = {month};
            """;
    }

    private static string SqliteLine(string row, string sign)
    {
        var invoice = $"(SELECT {{0}} FROM \"Invoices\" WHERE \"Id\" = {row}.\"InvoiceId\")";
        var network = string.Format(System.Globalization.CultureInfo.InvariantCulture, invoice, "\"NetworkId\"");
        var month = string.Format(System.Globalization.CultureInfo.InvariantCulture, invoice, Month(false, "\"IssueDate\""));
        var credit = string.Format(System.Globalization.CultureInfo.InvariantCulture, invoice, "\"Kind\"");
        var product = Product(false, $"{row}.\"Description\"");
        var key = $"\"NetworkId\" = {network} AND \"Month\" = {month} AND \"Product\" = {product}";
        return $"""
            INSERT INTO "ObservatoryRevenue" ("NetworkId", "Month", "Product", "Lines", "Cents") VALUES ({network}, {month}, {product}, 0, 0)
              ON CONFLICT ("NetworkId", "Month", "Product") DO NOTHING;
            UPDATE "ObservatoryRevenue" SET "Lines" = "Lines" {sign} 1,
              "Cents" = "Cents" {sign} (CASE WHEN {credit} = 1 THEN -{row}."TotalInclTaxCents" ELSE {row}."TotalInclTaxCents" END)
              WHERE {key};
            """;
    }

    /// <summary>PostgreSQL: one function per table, idempotent (CREATE OR REPLACE).</summary>
    public static string[] PostgresTriggers() =>
    [
        // Before the commune of residence (version 4), the function had no INSEE code: its old signature goes.
        "DROP FUNCTION IF EXISTS observatory_visit(integer, date, integer, text, integer)",
        $$"""
        CREATE OR REPLACE FUNCTION observatory_visit(p_site integer, p_date date, p_visitor integer, p_postcode text, p_insee text, p_delta integer)
        RETURNS void LANGUAGE plpgsql AS $fn$
        DECLARE m date := date_trunc('month', p_date)::date; pc text := COALESCE(p_postcode, '?'); ci text := COALESCE(p_insee, ''); n integer;
          net integer := -(SELECT "NetworkId" FROM "Sites" WHERE "Id" = p_site);
        BEGIN
          IF p_delta > 0 THEN
            INSERT INTO "ObservatoryVisitorMonths" AS v ("SiteId", "Month", "VisitorId", "Visits") VALUES (p_site, m, p_visitor, 1)
              ON CONFLICT ("SiteId", "Month", "VisitorId") DO UPDATE SET "Visits" = v."Visits" + 1 RETURNING v."Visits" INTO n;
            INSERT INTO "ObservatorySiteMonths" AS s ("SiteId", "Month", "Visits", "Visitors", "Regulars")
              VALUES (p_site, m, 1, (n = 1)::int, (n = {{Regular}})::int)
              ON CONFLICT ("SiteId", "Month") DO UPDATE SET "Visits" = s."Visits" + 1,
                "Visitors" = s."Visitors" + (n = 1)::int, "Regulars" = s."Regulars" + (n = {{Regular}})::int;
            INSERT INTO "ObservatoryOrigins" AS o ("SiteId", "Month", "Postcode", "Insee", "Visits") VALUES (p_site, m, pc, ci, 1), (net, m, pc, ci, 1)
              ON CONFLICT ("SiteId", "Month", "Postcode", "Insee") DO UPDATE SET "Visits" = o."Visits" + 1;
          ELSE
            UPDATE "ObservatoryVisitorMonths" SET "Visits" = "Visits" - 1
              WHERE "SiteId" = p_site AND "Month" = m AND "VisitorId" = p_visitor RETURNING "Visits" INTO n;
            DELETE FROM "ObservatoryVisitorMonths" WHERE "SiteId" = p_site AND "Month" = m AND "VisitorId" = p_visitor AND "Visits" <= 0;
            UPDATE "ObservatorySiteMonths" SET "Visits" = "Visits" - 1, "Visitors" = "Visitors" - (n = 0)::int,
              "Regulars" = "Regulars" - (n = {{Regular - 1}})::int WHERE "SiteId" = p_site AND "Month" = m;
            UPDATE "ObservatoryOrigins" SET "Visits" = "Visits" - 1 WHERE "SiteId" IN (p_site, net) AND "Month" = m AND "Postcode" = pc AND "Insee" = ci;
            DELETE FROM "ObservatoryOrigins" WHERE "SiteId" IN (p_site, net) AND "Month" = m AND "Postcode" = pc AND "Insee" = ci AND "Visits" <= 0;
          END IF;
        END $fn$
        """,
        """
        CREATE OR REPLACE FUNCTION observatory_visits_trigger() RETURNS trigger LANGUAGE plpgsql AS $fn$
        BEGIN
          IF TG_OP IN ('DELETE', 'UPDATE') THEN
            IF TG_OP = 'UPDATE' AND NEW."SiteId" = OLD."SiteId" AND NEW."Date" = OLD."Date" AND NEW."VisitorId" = OLD."VisitorId"
               AND NEW."Postcode" IS NOT DISTINCT FROM OLD."Postcode" AND NEW."CommuneInsee" IS NOT DISTINCT FROM OLD."CommuneInsee" THEN
              RETURN NULL;
            END IF;
            PERFORM observatory_visit(OLD."SiteId", OLD."Date", OLD."VisitorId", OLD."Postcode", OLD."CommuneInsee", -1);
          END IF;
          IF TG_OP IN ('INSERT', 'UPDATE') THEN
            PERFORM observatory_visit(NEW."SiteId", NEW."Date", NEW."VisitorId", NEW."Postcode", NEW."CommuneInsee", 1);
          END IF;
          RETURN NULL;
        END $fn$
        """,
        """
        CREATE OR REPLACE FUNCTION observatory_deskdays_trigger() RETURNS trigger LANGUAGE plpgsql AS $fn$
        DECLARE gone integer := 0;
        BEGIN
          -- A booking moves a day's counters, not its desk pool or month: then one statement adds the difference.
          IF TG_OP = 'DELETE' OR (TG_OP = 'UPDATE' AND (OLD."ResourceId", date_trunc('month', OLD."Date"))
              IS DISTINCT FROM (NEW."ResourceId", date_trunc('month', NEW."Date"))) THEN
            UPDATE "ObservatoryDeskMonths" SET "HalfDays" = "HalfDays" - (OLD."Morning" + OLD."Afternoon")
              WHERE "ResourceId" = OLD."ResourceId" AND "Month" = date_trunc('month', OLD."Date")::date;
          ELSIF TG_OP = 'UPDATE' THEN
            gone := OLD."Morning" + OLD."Afternoon";
          END IF;
          IF TG_OP IN ('INSERT', 'UPDATE') THEN
            INSERT INTO "ObservatoryDeskMonths" AS d ("ResourceId", "Month", "HalfDays")
              VALUES (NEW."ResourceId", date_trunc('month', NEW."Date")::date, NEW."Morning" + NEW."Afternoon" - gone)
              ON CONFLICT ("ResourceId", "Month") DO UPDATE SET "HalfDays" = d."HalfDays" + (NEW."Morning" + NEW."Afternoon" - gone);
          END IF;
          RETURN NULL;
        END $fn$
        """,
        """
        CREATE OR REPLACE FUNCTION observatory_invoicelines_trigger() RETURNS trigger LANGUAGE plpgsql AS $fn$
        DECLARE r record; i record; cents bigint; sign integer;
        BEGIN
          IF TG_OP = 'DELETE' THEN r := OLD; sign := -1; ELSE r := NEW; sign := 1; END IF;
          SELECT "NetworkId", date_trunc('month', "IssueDate")::date AS m, "Kind" INTO i FROM "Invoices" WHERE "Id" = r."InvoiceId";
          cents := CASE WHEN i."Kind" = 1 THEN -r."TotalInclTaxCents" ELSE r."TotalInclTaxCents" END;
          INSERT INTO "ObservatoryRevenue" AS v ("NetworkId", "Month", "Product", "Lines", "Cents")
            VALUES (i."NetworkId", i.m, split_part(r."Description", ' – ', 1), sign, sign * cents)
            ON CONFLICT ("NetworkId", "Month", "Product") DO UPDATE SET "Lines" = v."Lines" + sign, "Cents" = v."Cents" + sign * cents;
          RETURN NULL;
        END $fn$
        """,
        """CREATE OR REPLACE TRIGGER "TR_Visits_Obs" AFTER INSERT OR UPDATE OR DELETE ON "Visits" FOR EACH ROW EXECUTE FUNCTION observatory_visits_trigger()""",
        """CREATE OR REPLACE TRIGGER "TR_DeskDays_Obs" AFTER INSERT OR UPDATE OR DELETE ON "DeskDays" FOR EACH ROW EXECUTE FUNCTION observatory_deskdays_trigger()""",
        """CREATE OR REPLACE TRIGGER "TR_InvoiceLines_Obs" AFTER INSERT OR DELETE ON "InvoiceLine" FOR EACH ROW EXECUTE FUNCTION observatory_invoicelines_trigger()""",
    ];

    /// <summary>Dropping the triggers (PostgreSQL) before a bulk load; <see cref="PostgresTriggers"/> creates them again.</summary>
    public static readonly string[] PostgresDropTriggers =
    [
        "DROP TRIGGER IF EXISTS \"TR_Visits_Obs\" ON \"Visits\"",
        "DROP TRIGGER IF EXISTS \"TR_DeskDays_Obs\" ON \"DeskDays\"",
        "DROP TRIGGER IF EXISTS \"TR_InvoiceLines_Obs\" ON \"InvoiceLine\"",
    ];
}
