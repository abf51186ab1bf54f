using System.Collections.Concurrent;

namespace Cotravail.Web.Data;

/// <summary>
/// A compiled EF Core query (<c>EF.CompileAsyncQuery</c>), compiled once per database provider: a compiled query keeps
/// the SQL of the first context it ran with, and SQLite and PostgreSQL may serve in one process (the tests do).
/// </summary>
public sealed class CompiledPerProvider<TQuery>(Func<TQuery> compile)
    where TQuery : class
{
    private readonly ConcurrentDictionary<Type, TQuery> _byContext = new();

    public TQuery For(AppDbContext db)
    {
        ArgumentNullException.ThrowIfNull(db);
        return _byContext.GetOrAdd(db.GetType(), static (_, c) => c(), compile);
    }
}
