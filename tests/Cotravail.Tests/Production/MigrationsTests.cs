using Cotravail.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Tests.Production;

/// <summary>Each provider's migrations describe the model as it is: a change of an entity without its migration fails here.</summary>
public sealed class MigrationsTests
{
    [Fact]
    public void The_model_has_no_change_left_out_of_the_SQLite_migrations()
    {
        using var db = new SqliteDesignTimeFactory().CreateDbContext([]);
        Assert.False(db.Database.HasPendingModelChanges(), "Add a migration: dotnet ef migrations add NAME --context SqliteAppDbContext …");
    }

    [Fact]
    public void The_model_has_no_change_left_out_of_the_PostgreSQL_migrations()
    {
        using var db = new PostgresDesignTimeFactory().CreateDbContext([]);
        Assert.False(db.Database.HasPendingModelChanges(), "Add a migration: dotnet ef migrations add NAME --context PostgresAppDbContext …");
    }
}
