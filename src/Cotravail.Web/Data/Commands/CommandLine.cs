namespace Cotravail.Web.Data.Commands;

/// <summary>
/// Maintenance commands run instead of the server: <c>dotnet Cotravail.Web.dll COMMAND [options]</c>.
/// <list type="bullet">
/// <item><c>bench-data --users N --password P</c>: a load-test network (see bench/).</item>
/// <item><c>observatory-suspend</c>: drops the observatory's triggers before a bulk load (bench/national.sh).</item>
/// <item><c>observatory-rebuild</c>: recomputes the observatory's counters from the source tables and reinstalls the triggers.</item>
/// </list>
/// </summary>
public static class CommandLine
{
    /// <summary>True when the arguments named a command, which has then run: the caller exits.</summary>
    public static async Task<bool> RunCommandAsync(this WebApplication app, string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        if (args.Length == 0 || args[0].StartsWith('-'))
        {
            return false;
        }
        switch (args[0])
        {
            case "bench-data":
                await using (var scope = app.Services.CreateAsyncScope())
                {
                    var users = int.Parse(Option(args, "--users") ?? "200", System.Globalization.CultureInfo.InvariantCulture);
                    var password = Option(args, "--password") ?? throw new ArgumentException("--password is required");
                    var seeded = await BenchData.SeedAsync(scope.ServiceProvider, users, password);
                    Console.WriteLine($"bench site {seeded.SiteId}, desk pool {seeded.DeskPoolId}, {users} users bench-N@cotravail.test");
                }
                return true;
            case "observatory-suspend" or "observatory-rebuild":
                await using (var scope = app.Services.CreateAsyncScope())
                {
                    var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
                    var watch = System.Diagnostics.Stopwatch.StartNew();
                    if (args[0] == "observatory-suspend")
                    {
                        await Features.Observatory.Aggregates.ObservatoryAggregates.SuspendAsync(db);
                    }
                    else if (Features.Observatory.Aggregates.ObservatoryAggregates.LastRebuild is null)
                    {
                        await Features.Observatory.Aggregates.ObservatoryAggregates.RebuildAsync(db);
                    }
                    var took = Features.Observatory.Aggregates.ObservatoryAggregates.LastRebuild ?? watch.Elapsed;
                    Console.WriteLine($"{args[0]}: {took.TotalSeconds:0.0} s");
                }
                return true;
            default:
                throw new ArgumentException($"Unknown command '{args[0]}'. Known: bench-data, observatory-suspend, observatory-rebuild.");
        }
    }

    private static string? Option(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }
}
