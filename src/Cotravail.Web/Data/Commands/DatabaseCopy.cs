using System.Collections.Concurrent;
using System.Data.Common;
using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Npgsql;

namespace Cotravail.Web.Data.Commands;

/// <summary>
/// Moves an instance from SQLite to PostgreSQL: migrates the (empty) target, copies every table of the EF model — in
/// foreign-key order, keys kept, by PostgreSQL's binary COPY, all in one transaction — resets the identity sequences,
/// then reads both sides back and compares each table's row count and <see cref="TableChecksum"/>.
/// Nothing names a table here: a table added to the model later is copied as well.
/// </summary>
public static partial class DatabaseCopy
{
    public static async Task<IReadOnlyList<TableReport>> CopyAsync(string sqlite, string postgres, TextWriter log, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(log);
        await using var source = Sqlite(sqlite);
        await using var target = Postgres(postgres);
        var pending = (await source.Database.GetPendingMigrationsAsync(ct)).ToList();
        if (pending.Count > 0 || !(await source.Database.GetAppliedMigrationsAsync(ct)).Any())
        {
            throw new CopyRefusedException("The SQLite database is not at this version's schema: start this version of Cotravail on it once, then copy.");
        }
        await target.Database.MigrateAsync(ct);
        var tables = Plan(source.Model.GetRelationalModel(), target.Model.GetRelationalModel());
        await using var to = new NpgsqlConnection(postgres);
        await to.OpenAsync(ct);
        foreach (var table in tables)
        {
            if (await CountAsync(to, table.Target, ct) > 0)
            {
                throw new CopyRefusedException($"The PostgreSQL database already holds data (table {table.Name}): copy into an empty database.");
            }
        }
        var from = source.Database.GetDbConnection();
        await from.OpenAsync(ct);
        await using (var tx = await to.BeginTransactionAsync(ct))
        {
            foreach (var table in tables)
            {
                var rows = await CopyTableAsync(from, to, table, ct);
                await log.WriteLineAsync($"{table.Name}: {rows} rows copied");
            }
            await ResetSequencesAsync(to, ct);
            await tx.CommitAsync(ct);
        }
        return await VerifyAsync(sqlite, postgres, ct);
    }

    /// <summary>Counts and checksums every table of the model on both sides.</summary>
    public static async Task<IReadOnlyList<TableReport>> VerifyAsync(string sqlite, string postgres, CancellationToken ct = default)
    {
        await using var source = Sqlite(sqlite);
        await using var target = Postgres(postgres);
        var tables = Plan(source.Model.GetRelationalModel(), target.Model.GetRelationalModel());
        var from = source.Database.GetDbConnection();
        await from.OpenAsync(ct);
        await using var to = new NpgsqlConnection(postgres);
        await to.OpenAsync(ct);
        var reports = new List<TableReport>();
        foreach (var table in tables)
        {
            var (sourceRows, sourceSum) = await ChecksumAsync(from, table.Source, table.Columns.Select(c => c.Source).ToList(), ct);
            var (targetRows, targetSum) = await ChecksumAsync(to, table.Target, table.Columns.Select(c => c.Target).ToList(), ct);
            reports.Add(new TableReport(table.Name, sourceRows, targetRows, sourceSum, targetSum));
        }
        return reports;
    }

    /// <summary>The results as a text table, one line per table, and a last line saying whether all match.</summary>
    public static string Format(IReadOnlyList<TableReport> reports)
    {
        ArgumentNullException.ThrowIfNull(reports);
        var width = Math.Max(5, reports.Max(r => r.Table.Length));
        var lines = new List<string> { $"{"table".PadRight(width)}  {"SQLite",10}  {"PostgreSQL",10}  {"SHA-256 (SQLite)",-16}  {"SHA-256 (PostgreSQL)",-20}  result" };
        lines.AddRange(reports.Select(r =>
            $"{r.Table.PadRight(width)}  {r.SourceRows,10}  {r.TargetRows,10}  {r.SourceChecksum[..16],-16}  {r.TargetChecksum[..16],-20}  {(r.Matches ? "ok" : "MISMATCH")}"));
        var bad = reports.Count(r => !r.Matches);
        lines.Add(bad == 0
            ? $"{reports.Count} tables, {reports.Sum(r => r.SourceRows)} rows: every count and checksum matches."
            : $"{bad} of {reports.Count} tables differ.");
        return string.Join(Environment.NewLine, lines);
    }

    private static SqliteAppDbContext Sqlite(string cs) => new(new DbContextOptionsBuilder<SqliteAppDbContext>().UseSqlite(cs).Options);

    private static PostgresAppDbContext Postgres(string cs) => new(new DbContextOptionsBuilder<PostgresAppDbContext>().UseNpgsql(cs).Options);

    // ---- the plan: tables in foreign-key order, columns matched by name -----------------------------------------

    internal sealed record ColumnPair(IColumn Source, IColumn Target);

    internal sealed record TablePlan(string Name, ITable Source, ITable Target, IReadOnlyList<ColumnPair> Columns);

    internal static List<TablePlan> Plan(IRelationalModel sourceModel, IRelationalModel targetModel)
    {
        var plans = new Dictionary<string, TablePlan>(StringComparer.Ordinal);
        foreach (var target in targetModel.Tables)
        {
            var source = sourceModel.FindTable(target.Name, null)
                ?? throw new CopyRefusedException($"Table {target.Name} has no SQLite counterpart.");
            var columns = target.Columns.OrderBy(c => c.Name, StringComparer.Ordinal)
                .Select(c => new ColumnPair(source.FindColumn(c.Name) ?? throw new CopyRefusedException($"Column {target.Name}.{c.Name} has no SQLite counterpart."), c))
                .ToList();
            plans[target.Name] = new TablePlan(target.Name, source, target, columns);
        }
        // Principals before dependents (a table's references to itself are kept in key order instead).
        var ordered = new List<TablePlan>();
        var state = new Dictionary<string, bool>(StringComparer.Ordinal);
        void Visit(TablePlan plan)
        {
            if (state.TryGetValue(plan.Name, out var done))
            {
                if (!done)
                {
                    throw new CopyRefusedException($"Foreign keys form a cycle through {plan.Name}.");
                }
                return;
            }
            state[plan.Name] = false;
            foreach (var fk in plan.Target.ForeignKeyConstraints.OrderBy(f => f.PrincipalTable.Name, StringComparer.Ordinal))
            {
                if (fk.PrincipalTable.Name != plan.Name && plans.TryGetValue(fk.PrincipalTable.Name, out var principal))
                {
                    Visit(principal);
                }
            }
            state[plan.Name] = true;
            ordered.Add(plan);
        }
        foreach (var plan in plans.Values.OrderBy(p => p.Name, StringComparer.Ordinal))
        {
            Visit(plan);
        }
        return ordered;
    }

    // ---- reading and writing ---------------------------------------------------------------------------------------

    private static async Task<long> CopyTableAsync(DbConnection from, NpgsqlConnection to, TablePlan table, CancellationToken ct)
    {
        var types = table.Columns.Select(c => StoreType(c.Target)).ToList();
        var copy = $"COPY {Quote(table.Name)} ({string.Join(", ", table.Columns.Select(c => Quote(c.Target.Name)))}) FROM STDIN (FORMAT BINARY)";
        await using var importer = await to.BeginBinaryImportAsync(copy, ct);
        await using var select = from.CreateCommand();
        select.CommandText = Select(table.Source, table.Columns.Select(c => c.Source).ToList(), postgres: false);
        await using var reader = await select.ExecuteReaderAsync(ct);
        long rows = 0;
        while (await reader.ReadAsync(ct))
        {
            await importer.StartRowAsync(ct);
            for (var i = 0; i < table.Columns.Count; i++)
            {
                var value = ToModel(reader, i, table.Columns[i].Source);
                var stored = ToProvider(value, table.Columns[i].Target);
                if (stored is null)
                {
                    await importer.WriteNullAsync(ct);
                }
                else
                {
                    await importer.WriteAsync(stored, types[i], ct);
                }
            }
            rows++;
        }
        await importer.CompleteAsync(ct);
        return rows;
    }

    private static async Task<(long Rows, string Sum)> ChecksumAsync(DbConnection connection, ITable table, IReadOnlyList<IColumn> columns, CancellationToken ct)
    {
        using var checksum = new TableChecksum();
        await using var select = connection.CreateCommand();
        select.CommandText = Select(table, columns, postgres: connection is NpgsqlConnection);
        await using var reader = await select.ExecuteReaderAsync(ct);
        var values = new object?[columns.Count];
        while (await reader.ReadAsync(ct))
        {
            for (var i = 0; i < columns.Count; i++)
            {
                values[i] = ToModel(reader, i, columns[i]);
            }
            checksum.AddRow(values);
        }
        return (checksum.Rows, checksum.Finish());
    }

    private static async Task<long> CountAsync(NpgsqlConnection connection, ITable table, CancellationToken ct)
    {
        await using var count = new NpgsqlCommand($"SELECT count(*) FROM {Quote(table.Name)}", connection);
        return (long)(await count.ExecuteScalarAsync(ct))!;
    }

    /// <summary>Every identity column continues after the highest key copied.</summary>
    private static async Task ResetSequencesAsync(NpgsqlConnection connection, CancellationToken ct)
    {
        var columns = new List<(string Table, string Column)>();
        await using (var find = new NpgsqlCommand(
            "SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = current_schema() " +
            "AND (is_identity = 'YES' OR column_default LIKE 'nextval(%')", connection))
        await using (var reader = await find.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
            {
                columns.Add((reader.GetString(0), reader.GetString(1)));
            }
        }
        foreach (var (table, column) in columns)
        {
            await using var reset = new NpgsqlCommand(
                $"SELECT setval(pg_get_serial_sequence($1, $2), COALESCE((SELECT max({Quote(column)}) FROM {Quote(table)}), 0) + 1, false)", connection);
            reset.Parameters.AddWithValue(Quote(table));
            reset.Parameters.AddWithValue(column);
            await reset.ExecuteNonQueryAsync(ct);
        }
    }

    /// <summary>All columns, in key order; text keys in byte order on both sides (SQLite BINARY, PostgreSQL "C").</summary>
    private static string Select(ITable table, IReadOnlyList<IColumn> columns, bool postgres)
    {
        var key = table.PrimaryKey?.Columns ?? throw new CopyRefusedException($"Table {table.Name} has no primary key.");
        var order = key.Select(c => Quote(c.Name) + (ProviderType(c) == typeof(string) ? postgres ? " COLLATE \"C\"" : " COLLATE BINARY" : ""));
        return $"SELECT {string.Join(", ", columns.Select(c => Quote(c.Name)))} FROM {Quote(table.Name)} ORDER BY {string.Join(", ", order)}";
    }

    private static readonly MethodInfo GetFieldValue = typeof(DbDataReader).GetMethod(nameof(DbDataReader.GetFieldValue))!;
    private static readonly ConcurrentDictionary<Type, MethodInfo> Readers = new();

    /// <summary>The value as the model sees it: read as the provider stores it, then through the column's converter.</summary>
    private static object? ToModel(DbDataReader reader, int ordinal, IColumn column)
    {
        if (reader.IsDBNull(ordinal))
        {
            return null;
        }
        var mapping = column.PropertyMappings[0].TypeMapping;
        var read = Readers.GetOrAdd(ProviderType(column), t => GetFieldValue.MakeGenericMethod(t));
        var value = read.Invoke(reader, [ordinal]);
        return mapping.Converter is { } converter ? converter.ConvertFromProvider(value) : value;
    }

    private static object? ToProvider(object? value, IColumn column)
    {
        if (value is null)
        {
            return null;
        }
        var mapping = column.PropertyMappings[0].TypeMapping;
        var stored = mapping.Converter is { } converter ? converter.ConvertToProvider(value) : value;
        if (stored is DateTime d)
        {
            // timestamptz takes UTC; "timestamp without time zone" takes a time with no zone.
            return column.StoreType.StartsWith("timestamp without", StringComparison.Ordinal)
                ? DateTime.SpecifyKind(d, DateTimeKind.Unspecified)
                : d.Kind == DateTimeKind.Utc ? d : DateTime.SpecifyKind(d.Kind == DateTimeKind.Local ? d.ToUniversalTime() : d, DateTimeKind.Utc);
        }
        return stored;
    }

    private static Type ProviderType(IColumn column)
    {
        var mapping = column.PropertyMappings[0].TypeMapping;
        var type = mapping.Converter?.ProviderClrType ?? mapping.ClrType;
        return Nullable.GetUnderlyingType(type) ?? type;
    }

    /// <summary>The column's PostgreSQL type without its length or precision ("character varying(256)" → "character varying").</summary>
    private static string StoreType(IColumn column) => Facets().Replace(column.StoreType, "");

    [GeneratedRegex(@"\(\s*\d+(\s*,\s*\d+)?\s*\)")]
    private static partial Regex Facets();

    private static string Quote(string name) => "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}

/// <summary>One table's comparison after a copy.</summary>
public sealed record TableReport(string Table, long SourceRows, long TargetRows, string SourceChecksum, string TargetChecksum)
{
    public bool Matches => SourceRows == TargetRows && string.Equals(SourceChecksum, TargetChecksum, StringComparison.Ordinal);
}

/// <summary>The copy will not start: the message says why (nothing was written).</summary>
public sealed class CopyRefusedException(string message) : Exception(message);
