using System.Diagnostics;
using System.Globalization;
using Cotravail.Bench;

// National-scale data for bench/national.sh, written into a database the app has created (bench-data) with the
// observatory's triggers suspended (observatory-suspend); the app's observatory-rebuild computes the counters after.
//   dotnet Cotravail.Bench.dll --provider sqlite|postgres --connection "…" [--sites 3500] [--members 300000]
//     [--visits 10000000] [--bookings 10000000] [--events 50000] [--today 2026-11-26]
var options = Options.Parse(args);
var clock = Stopwatch.StartNew();
await using var bulk = await Bulk.OpenAsync(options.Provider, options.Connection);
var generator = new NationalNetwork(bulk, options);
await generator.SitesAsync();
Log($"{options.Sites} sites");
await generator.MembersAsync();
Log($"{options.Members} members");
await generator.PresenceAsync();
Log($"{options.Visits} visits, {options.Bookings} bookings");
await generator.EventsAsync();
Log($"{options.Events} events");
await bulk.ExecAsync("ANALYZE");
Log("done");

void Log(string what) => Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"[{clock.Elapsed.TotalSeconds,7:0.0} s] {what}"));

internal sealed record Options(string Provider, string Connection, int Sites, int Members, long Visits, long Bookings, int Events, DateOnly Today, int Seed)
{
    public static Options Parse(string[] args)
    {
        string? Get(string name) => Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : null;
        long Number(string name, long fallback) => Get(name) is { } v ? long.Parse(v.Replace("_", "", StringComparison.Ordinal), CultureInfo.InvariantCulture) : fallback;
        return new Options(
            Get("--provider") ?? "sqlite", Get("--connection") ?? throw new ArgumentException("--connection is required"),
            (int)Number("--sites", 3_500), (int)Number("--members", 300_000), Number("--visits", 10_000_000), Number("--bookings", 10_000_000),
            (int)Number("--events", 50_000), Get("--today") is { } t ? DateOnly.ParseExact(t, "yyyy-MM-dd", CultureInfo.InvariantCulture) : DateOnly.FromDateTime(DateTime.UtcNow),
            (int)Number("--seed", 46140));
    }
}
