using Cotravail.Tests.Infrastructure;
using Cotravail.Web.Data;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Cotravail.Tests.Production;

/// <summary>
/// On PostgreSQL the statements a connection runs again and again are prepared once on the server (ADR 0022), and a
/// connection given back to the pool is not reset (ADR 0024).
/// </summary>
public sealed class PoolDefaultsTests
{
    [Fact]
    public void A_connection_string_without_a_say_gets_automatic_preparation()
    {
        var cs = DataModule.WithPoolDefaults("Host=db.example;Username=cotravail;Database=cotravail");
        Assert.Equal(DataModule.AutoPrepared, new NpgsqlConnectionStringBuilder(cs).MaxAutoPrepare);
    }

    [Theory]
    [InlineData("Host=db;Max Auto Prepare=0", 0)]
    [InlineData("Host=db;maxautoprepare=7", 7)]
    [InlineData("Host=db; Max Auto Prepare = 20 ;Pooling=true", 20)]
    public void A_connection_string_that_says_how_many_keeps_its_value(string given, int expected)
    {
        Assert.Equal(expected, new NpgsqlConnectionStringBuilder(DataModule.WithPoolDefaults(given)).MaxAutoPrepare);
    }

    [Fact]
    public void A_pooled_connection_is_not_reset_on_return_unless_the_connection_string_asks_for_it()
    {
        Assert.True(new NpgsqlConnectionStringBuilder(DataModule.WithPoolDefaults("Host=db;Username=cotravail")).NoResetOnClose);
        Assert.False(new NpgsqlConnectionStringBuilder(DataModule.WithPoolDefaults("Host=db;No Reset On Close=false")).NoResetOnClose);
        Assert.False(new NpgsqlConnectionStringBuilder(DataModule.WithPoolDefaults("Host=db;noresetonclose=False")).NoResetOnClose);
    }

    [PostgresFact]
    public async Task A_query_the_app_repeats_is_prepared_on_the_server_after_a_few_runs()
    {
        await using var app = await TestApp.StartAsync("Postgres");
        var prepared = await app.WithDbAsync(async db =>
        {
            await db.Database.OpenConnectionAsync();
            try
            {
                for (var i = 0; i < 6; i++)
                {
                    await db.Sites.AsNoTracking().Where(s => s.Id == i).Select(s => s.Name).FirstOrDefaultAsync();
                }
                return await db.Database.SqlQueryRaw<string>(
                    "SELECT statement AS \"Value\" FROM pg_prepared_statements WHERE statement LIKE '%FROM \"Sites\"%'").ToListAsync();
            }
            finally
            {
                await db.Database.CloseConnectionAsync();
            }
        });
        Assert.NotEmpty(prepared);
    }
}
