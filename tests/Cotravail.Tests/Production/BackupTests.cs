using System.Diagnostics;
using Cotravail.Tests.Booking;
using Cotravail.Tests.Infrastructure;
using Cotravail.Web.Data.Commands;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Cotravail.Tests.Production;

/// <summary>A backup taken while Cotravail runs gives back every booking, invoice and visit.</summary>
public sealed class BackupTests
{
    [Fact]
    public async Task A_SQLite_backup_taken_while_members_book_restores_every_booking_invoice_and_visit()
    {
        await using var app = await ProductionData.StartAsync("Sqlite");
        await ProductionData.LiveAsync(app);
        app.Clock.SetUtcNow(new DateTimeOffset(2027, 1, 4, 8, 0, 0, TimeSpan.Zero));
        var before = await ProductionData.SnapshotAsync(app);
        var source = await app.WithDbAsync(db => Task.FromResult(db.Database.GetConnectionString()!));
        var folder = Directory.CreateTempSubdirectory("cotravail-backup-").FullName;
        try
        {
            // Members keep booking while the backup is taken.
            var members = await app.NewMembersAsync(6);
            var desks = await app.ResourceAsync("prayssac", "Espace partagé");
            using var go = new ManualResetEventSlim();
            var booking = members.Select(m => Task.Run(async () => { go.Wait(); return await m.PostJsonAsync("/api/v1/bookings", new { resourceId = desks, date = "2027-01-07", period = "day" }); })).ToList();
            var file = Path.Combine(folder, "cotravail.backup.db");
            go.Set();
            await SqliteBackup.BackupAsync(source, file);
            await Task.WhenAll(booking);
            var after = await ProductionData.SnapshotAsync(app);

            var restoredCs = new SqliteConnectionStringBuilder { DataSource = Path.Combine(folder, "restored.db") }.ConnectionString;
            Assert.Equal(RestoreOutcome.Restored, await SqliteBackup.RestoreAsync(file, restoredCs, force: false));
            await using var restored = ProductionData.Sqlite(restoredCs);
            var back = await ProductionData.SnapshotAsync(restored);

            Assert.NotEmpty(before.Bookings);
            Assert.NotEmpty(before.Invoices);
            Assert.NotEmpty(before.Visits);
            Assert.Equal(before.Invoices, back.Invoices);
            Assert.Equal(before.Visits, back.Visits);
            // Every booking made before the backup, and only bookings that exist: a consistent moment in between.
            Assert.Superset(before.Bookings.ToHashSet(), back.Bookings.ToHashSet());
            Assert.Subset(after.Bookings.ToHashSet(), back.Bookings.ToHashSet());
            Assert.Empty(await restored.Database.GetPendingMigrationsAsync());
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task Restoring_over_a_database_that_holds_data_is_refused_unless_forced()
    {
        await using var app = await ProductionData.StartAsync("Sqlite");
        var folder = Directory.CreateTempSubdirectory("cotravail-backup-").FullName;
        try
        {
            var source = await app.WithDbAsync(db => Task.FromResult(db.Database.GetConnectionString()!));
            var file = Path.Combine(folder, "empty-network.db");
            await SqliteBackup.BackupAsync(source, file);
            await ProductionData.LiveAsync(app); // the running database moves on
            var live = await ProductionData.SnapshotAsync(app);

            Assert.Equal(RestoreOutcome.TargetNotEmpty, await SqliteBackup.RestoreAsync(file, source, force: false));
            Assert.Equal(live, await ProductionData.SnapshotAsync(app), new SnapshotComparer());
            Assert.Equal(RestoreOutcome.NoBackup, await SqliteBackup.RestoreAsync(Path.Combine(folder, "absent.db"), source, force: false));
            var notABackup = Path.Combine(folder, "notes.txt");
            await File.WriteAllTextAsync(notABackup, "pas une base");
            await Assert.ThrowsAnyAsync<Exception>(() => SqliteBackup.RestoreAsync(notABackup, source, force: true));

            var other = new SqliteConnectionStringBuilder { DataSource = Path.Combine(folder, "other.db") }.ConnectionString;
            await SqliteBackup.BackupAsync(source, Path.Combine(folder, "live.db"));
            Assert.Equal(RestoreOutcome.Restored, await SqliteBackup.RestoreAsync(Path.Combine(folder, "live.db"), other, force: false));
            Assert.Equal(RestoreOutcome.Restored, await SqliteBackup.RestoreAsync(file, other, force: true));
            await using var forced = ProductionData.Sqlite(other);
            Assert.Empty((await ProductionData.SnapshotAsync(forced)).Bookings);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    [PostgresToolsFact]
    public async Task A_PostgreSQL_dump_taken_while_the_app_runs_restores_every_booking_invoice_and_visit()
    {
        await using var app = await ProductionData.StartAsync("Postgres");
        await ProductionData.LiveAsync(app);
        var before = await ProductionData.SnapshotAsync(app);
        var source = await app.WithDbAsync(db => Task.FromResult(db.Database.GetConnectionString()!));
        await using var target = await TestDatabase.CreateAsync("Postgres");
        var file = Path.Combine(Path.GetTempPath(), $"cotravail-{Guid.NewGuid():N}.dump");
        try
        {
            var backup = await RunAsync("backup-postgres.sh", file, Url(source));
            Assert.True(backup.Code == 0, backup.Output);
            var restore = await RunAsync("restore-postgres.sh", file, Url(target.ConnectionString));
            Assert.True(restore.Code == 0, restore.Output);

            await using var restored = ProductionData.Postgres(target.ConnectionString);
            var back = await ProductionData.SnapshotAsync(restored);
            Assert.NotEmpty(before.Invoices);
            Assert.NotEmpty(before.Visits);
            Assert.Equal(before.Bookings, back.Bookings);
            Assert.Equal(before.Invoices, back.Invoices);
            Assert.Equal(before.Visits, back.Visits);

            // A second restore onto the same (now full) database is refused and changes nothing.
            var again = await RunAsync("restore-postgres.sh", file, Url(target.ConnectionString));
            Assert.NotEqual(0, again.Code);
            Assert.Contains("--force", again.Output, StringComparison.Ordinal);
            Assert.Equal(before.Bookings.Count, await restored.Bookings.CountAsync());
            var forced = await RunAsync("restore-postgres.sh", file, Url(target.ConnectionString), "--force");
            Assert.True(forced.Code == 0, forced.Output);
            Assert.Equal(before.Bookings, (await ProductionData.SnapshotAsync(restored)).Bookings);
        }
        finally
        {
            File.Delete(file);
            NpgsqlConnection.ClearAllPools();
        }
    }

    /// <summary>postgresql://user@host:port/database, as the ops scripts take it.</summary>
    private static string Url(string npgsql)
    {
        var b = new NpgsqlConnectionStringBuilder(npgsql);
        var password = string.IsNullOrEmpty(b.Password) ? "" : ":" + Uri.EscapeDataString(b.Password);
        return $"postgresql://{Uri.EscapeDataString(b.Username ?? "postgres")}{password}@{b.Host}:{b.Port}/{Uri.EscapeDataString(b.Database!)}";
    }

    private static async Task<(int Code, string Output)> RunAsync(string script, params string[] args)
    {
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(ProductionData.RepositoryRoot(), "ops", script));
        foreach (var a in args)
        {
            start.ArgumentList.Add(a);
        }
        start.Environment["PG_BIN"] = PostgresToolsFactAttribute.BinFolder();
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output + await error);
    }
}
