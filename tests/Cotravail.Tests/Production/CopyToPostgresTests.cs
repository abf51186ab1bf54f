using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Cotravail.Tests.Infrastructure;
using Cotravail.Web.Data.Commands;
using Cotravail.Web.Features.Sites;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Npgsql;

namespace Cotravail.Tests.Production;

/// <summary>Moving an instance from SQLite to PostgreSQL: every table copied, checked by counts and checksums.</summary>
public sealed class CopyToPostgresTests
{
    [PostgresFact]
    public async Task Every_table_is_copied_with_the_same_counts_and_checksums_and_the_copy_runs_as_before()
    {
        await using var app = await ProductionData.StartAsync("Sqlite");
        await ProductionData.LiveAsync(app);
        var before = await ProductionData.SnapshotAsync(app);
        var sqlite = await app.WithDbAsync(db => Task.FromResult(db.Database.GetConnectionString()!));
        await using var target = await TestDatabase.CreateAsync("Postgres");
        var log = new StringWriter();

        var reports = await DatabaseCopy.CopyAsync(sqlite, target.ConnectionString, log);

        Assert.All(reports, r => Assert.True(r.Matches, $"{r.Table}: {r.SourceRows} / {r.TargetRows} rows"));
        await using var copy = ProductionData.Postgres(target.ConnectionString);
        // Every table of the model, the ones that were not named anywhere included.
        Assert.Equal(copy.Model.GetRelationalModel().Tables.Count(), reports.Count);
        Assert.Contains(reports, r => r.Table == "DataProtectionKeys" && r.SourceRows > 0);
        Assert.Equal(before, await ProductionData.SnapshotAsync(copy), new SnapshotComparer());
        Assert.Contains("every count and checksum matches", DatabaseCopy.Format(reports), StringComparison.Ordinal);

        // The keys continue after the highest copied: a new row does not collide.
        var highest = await copy.Sites.MaxAsync(s => s.Id);
        var site = new Site { Name = "Nouveau lieu", Slug = "nouveau-lieu", Commune = "Cahors", Postcode = "46000", Address = "1 rue", NetworkId = await copy.Networks.Select(n => n.Id).FirstAsync() };
        copy.Sites.Add(site);
        await copy.SaveChangesAsync();
        Assert.Equal(highest + 1, site.Id);

        // Cotravail started on the copy: the member signs in with their password and finds their bookings.
        var clock = new FakeTimeProvider(app.Clock.GetUtcNow());
        await using var node = new ClusterNode(target.ConnectionString, Path.Combine(Path.GetTempPath(), "cotravail-tests", "copy-mail-" + Guid.NewGuid().ToString("N")), clock);
        node.Start();
        using var client = node.Client();
        var member = await app.WithDbAsync(db => db.Bookings.Select(b => b.User!.Email).FirstAsync());
        var login = await client.PostAsJsonAsync(new Uri("/api/v1/auth/login", UriKind.Relative), new { email = member, password = TestApp.DemoPassword });
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        client.DefaultRequestHeaders.Authorization = new("Bearer", (await login.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString());
        var mine = await client.GetFromJsonAsync<JsonElement>(new Uri("/api/v1/me/bookings", UriKind.Relative));
        Assert.Equal(2, mine.GetArrayLength());
    }

    [PostgresFact]
    public async Task A_changed_row_is_found_and_a_database_that_holds_data_is_refused()
    {
        await using var app = await ProductionData.StartAsync("Sqlite");
        await ProductionData.LiveAsync(app);
        var sqlite = await app.WithDbAsync(db => Task.FromResult(db.Database.GetConnectionString()!));
        await using var target = await TestDatabase.CreateAsync("Postgres");
        Assert.All(await DatabaseCopy.CopyAsync(sqlite, target.ConnectionString, TextWriter.Null), r => Assert.True(r.Matches));

        await using (var pg = new NpgsqlConnection(target.ConnectionString))
        {
            await pg.OpenAsync();
            await using var change = new NpgsqlCommand("UPDATE \"Invoices\" SET \"ClientName\" = \"ClientName\" || '.' WHERE \"Id\" = (SELECT max(\"Id\") FROM \"Invoices\")", pg);
            Assert.Equal(1, await change.ExecuteNonQueryAsync());
        }
        var reports = await DatabaseCopy.VerifyAsync(sqlite, target.ConnectionString);
        var mismatch = Assert.Single(reports, r => !r.Matches);
        Assert.Equal("Invoices", mismatch.Table);
        Assert.Equal(mismatch.SourceRows, mismatch.TargetRows);
        Assert.Contains("1 of", DatabaseCopy.Format(reports), StringComparison.Ordinal);

        var refused = await Assert.ThrowsAsync<CopyRefusedException>(() => DatabaseCopy.CopyAsync(sqlite, target.ConnectionString, TextWriter.Null));
        Assert.Contains("already holds data", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_checksum_sees_a_changed_missing_or_moved_value_but_not_what_postgresql_cannot_keep()
    {
        var at = new DateTime(2026, 12, 1, 8, 0, 0, DateTimeKind.Utc).AddTicks(1234567);
        object?[][] rows = [[1, "Sophie", at, 15.00m, null], [2, "Julien", at, 8m, new byte[] { 1, 2 }]];
        var reference = Sum(rows);

        Assert.Equal(reference, Sum(rows));
        // PostgreSQL keeps microseconds and drops trailing zeros of numbers: the same rows.
        Assert.Equal(reference, Sum([[1, "Sophie", at.AddTicks(-7), 15m, null], [2, "Julien", at.AddTicks(-7), 8.000m, new byte[] { 1, 2 }]]));
        Assert.NotEqual(reference, Sum([[1, "Sophie", at, 15.01m, null], rows[1]]));
        Assert.NotEqual(reference, Sum([[1, "Sophie", at, 15.00m, ""], rows[1]]));
        Assert.NotEqual(reference, Sum([[1, "Sophi", at, 15.00m, null], rows[1]]));
        Assert.NotEqual(reference, Sum([[1, "Sophie", at.AddSeconds(1), 15.00m, null], rows[1]]));
        Assert.NotEqual(reference, Sum([rows[0]]));
        Assert.NotEqual(reference, Sum([rows[1], rows[0]]));
        Assert.NotEqual(Sum([["ab", "c"]]), Sum([["a", "bc"]]));
        Assert.True(new TableReport("Bookings", 2, 2, reference, reference).Matches);
        Assert.False(new TableReport("Bookings", 2, 2, reference, Sum([rows[0]])).Matches);
        Assert.False(new TableReport("Bookings", 2, 3, reference, reference).Matches);
    }

    private static string Sum(object?[][] rows)
    {
        using var checksum = new TableChecksum();
        foreach (var row in rows)
        {
            checksum.AddRow(row);
        }
        return checksum.Finish();
    }
}
