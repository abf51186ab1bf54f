using Cotravail.Web.Data;
using Mono.Cecil;

namespace Cotravail.Tests.Architecture;

/// <summary>
/// ADR 0001 and 0031: a feature uses another only along this table, which has no cycle. A feature that needs something
/// from one above it defines a contract that the other implements (<c>Booking.IBookingCover</c>, <c>Sites.ISiteSaved</c>,
/// <c>Billing.IInvoicesOfSites</c>) or uses one of <c>Common</c> (personal data, audit log).
/// </summary>
public sealed class FeatureBoundariesTests
{
    /// <summary>Every feature may use these.</summary>
    private static readonly string[] Shared = ["Accounts", "Sites"];

    /// <summary>What each feature may use besides <see cref="Shared"/>.</summary>
    private static readonly Dictionary<string, string[]> Allowed = new()
    {
        ["Accounts"] = [],
        ["Sites"] = [],
        ["Audit"] = [],
        ["Booking"] = [],
        ["Events"] = ["Booking"],
        ["Billing"] = ["Booking", "Events"],
        ["Reception"] = ["Booking", "Billing"],
        ["Community"] = [],
        ["Entrepreneurs"] = ["Events"],
        ["Newcomers"] = ["Billing", "Events"],
        ["Surveys"] = [],
        ["Legal"] = [],
        ["Errors"] = [],
        ["Shared"] = [],
        ["Privacy"] = ["Booking", "Reception"],
        ["Observatory"] = ["Billing", "Booking", "Community", "Entrepreneurs", "Events", "Newcomers", "Reception"],
        ["MySpace"] = ["Billing", "Booking", "Events", "Reception"],
        ["Webhooks"] = [],
        ["Access"] = ["Billing", "Booking", "Events", "Reception"],
        ["SingleSignOn"] = [],
    };

    private static readonly Lazy<FeatureGraph> Graph = new(() => FeatureGraph.Read(typeof(AppDbContext).Assembly.Location));

    private static IEnumerable<string> MayUse(string feature) =>
        feature switch
        {
            "Accounts" => [],
            "Sites" => ["Accounts"],
            _ => Shared.Concat(Allowed[feature]),
        };

    [Fact]
    public void Every_feature_uses_only_what_the_table_allows()
    {
        var unknown = Graph.Value.Features.Where(f => !Allowed.ContainsKey(f)).ToList();
        Assert.True(unknown.Count == 0, $"Features missing from the table: {string.Join(", ", unknown)}");
        var forbidden = Graph.Value.Uses
            .Where(u => !MayUse(u.Key.From).Contains(u.Key.To))
            .Select(u => $"{u.Key.From} → {u.Key.To}: {string.Join("; ", u.Value.Take(5))}")
            .ToList();
        Assert.True(forbidden.Count == 0, "Uses the table does not allow:\n" + string.Join("\n", forbidden));
    }

    [Fact]
    public void The_table_has_no_cycle()
    {
        var visiting = new HashSet<string>();
        var done = new HashSet<string>();
        var path = new List<string>();
        foreach (var feature in Allowed.Keys)
        {
            var cycle = FindCycle(feature, visiting, done, path);
            Assert.True(cycle is null, $"A cycle: {cycle}");
        }
    }

    [Fact]
    public void The_table_allows_nothing_that_is_not_used()
    {
        var unused = Allowed.SelectMany(a => a.Value.Select(to => (From: a.Key, To: to)))
            .Where(edge => !Graph.Value.Uses.ContainsKey(edge))
            .Select(edge => $"{edge.From} → {edge.To}")
            .ToList();
        Assert.True(unused.Count == 0, $"Allowed but no longer used (remove them from the table): {string.Join(", ", unused)}");
    }

    [Fact]
    public void Common_uses_no_feature()
    {
        using var module = ModuleDefinition.ReadModule(typeof(AppDbContext).Assembly.Location);
        var uses = module.GetTypes()
            .Where(t => FeatureGraph.Outermost(t).Namespace.StartsWith("Cotravail.Web.Common", StringComparison.Ordinal))
            .SelectMany(t => t.Methods.Where(m => m.HasBody).SelectMany(m => m.Body.Instructions)
                .Select(i => i.Operand switch { MethodReference r => r.DeclaringType, TypeReference r => r, FieldReference r => r.DeclaringType, _ => null })
                .Concat(t.Fields.Select(f => f.FieldType))
                .Where(r => r is not null && FeatureGraph.FeatureOf(r) is not null)
                .Select(r => $"{t.FullName} → {r!.FullName}"))
            .Distinct()
            .ToList();
        Assert.True(uses.Count == 0, "Common uses features:\n" + string.Join("\n", uses));
    }

    [Fact]
    public void The_reader_sees_a_use_through_a_method_body_only()
    {
        // Reception's walk-in invoices name billing's contract in their signature; the journal reads people (Accounts)
        // only inside its methods, and the booking page calls billing's cover only through Booking's contract.
        Assert.Contains(("Reception", "Billing"), Graph.Value.Uses.Keys);
        Assert.Contains(("Audit", "Accounts"), Graph.Value.Uses.Keys);
        Assert.DoesNotContain(("Booking", "Billing"), Graph.Value.Uses.Keys);
    }

    private static string? FindCycle(string feature, HashSet<string> visiting, HashSet<string> done, List<string> path)
    {
        if (done.Contains(feature)) return null;
        path.Add(feature);
        if (!visiting.Add(feature)) return string.Join(" → ", path);
        foreach (var next in MayUse(feature))
        {
            if (FindCycle(next, visiting, done, path) is { } cycle) return cycle;
        }
        visiting.Remove(feature);
        done.Add(feature);
        path.RemoveAt(path.Count - 1);
        return null;
    }
}
