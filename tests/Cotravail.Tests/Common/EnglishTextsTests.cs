using System.ComponentModel.DataAnnotations;
using System.Reflection;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Cotravail.Web.Features.Sites;

namespace Cotravail.Tests.Common;

/// <summary>French is the key of every text (ADR 0003): each one a page can show must have an English entry.</summary>
public sealed partial class EnglishTextsTests
{
    private static readonly string WebFolder = Path.Combine(RepoRoot(), "src", "Cotravail.Web");

    [Fact]
    public void Every_text_of_pages_handlers_and_rules_has_an_English_translation()
    {
        var english = EnglishEntries();
        var missing = UsedTexts().Where(t => !english.ContainsKey(t)).Order(StringComparer.Ordinal).ToList();
        Assert.True(missing.Count == 0, "Missing in Resources/SharedResource.en.resx:\n" + string.Join("\n", missing));
    }

    [Fact]
    public void English_translations_keep_the_placeholders_of_the_French_text()
    {
        var wrong = EnglishEntries()
            .Where(e => Placeholders(e.Key) != Placeholders(e.Value))
            .Select(e => $"{e.Key} => {e.Value}")
            .ToList();
        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
    }

    /// <summary>The resource compiler keeps one of two keys that differ only by case: the other text would stay French.</summary>
    [Fact]
    public void No_two_keys_differ_only_by_case()
    {
        var file = Path.Combine(WebFolder, "Resources", "SharedResource.en.resx");
        var clashes = XDocument.Load(file).Root!.Elements("data").Select(d => (string)d.Attribute("name")!)
            .GroupBy(n => n, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1)
            .Select(g => string.Join(" / ", g)).ToList();
        Assert.True(clashes.Count == 0, "Keys that differ only by case:\n" + string.Join("\n", clashes));
    }

    private static string Placeholders(string text) =>
        string.Join(",", PlaceholderPattern().Matches(text).Select(m => m.Value).Distinct().Order(StringComparer.Ordinal));

    private static Dictionary<string, string> EnglishEntries()
    {
        var file = Path.Combine(WebFolder, "Resources", "SharedResource.en.resx");
        return XDocument.Load(file).Root!.Elements("data")
            .ToDictionary(d => (string)d.Attribute("name")!, d => (string?)d.Element("value") ?? "");
    }

    private static HashSet<string> UsedTexts()
    {
        var texts = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(Path.Combine(WebFolder, "Features"), "*.*", SearchOption.AllDirectories)
                     .Concat(Directory.EnumerateFiles(Path.Combine(WebFolder, "Common"), "*.cs")))
        {
            if (!file.EndsWith(".cshtml", StringComparison.Ordinal) && !file.EndsWith(".cs", StringComparison.Ordinal))
            {
                continue;
            }
            var code = File.ReadAllText(file);
            foreach (Match m in LocalizerCall().Matches(code))
            {
                texts.Add(Regex.Unescape(m.Groups["text"].Value));
            }
        }
        foreach (var kind in Enum.GetValues<ResourceKind>())
        {
            texts.Add(kind.French());
            texts.Add(kind.CapacityUnit(1));
            texts.Add(kind.CapacityUnit(2));
        }
        foreach (var method in Enum.GetValues<Cotravail.Web.Features.Billing.PaymentMethod>())
        {
            texts.Add(Cotravail.Web.Features.Billing.PaymentMethodText.French(method));
        }
        foreach (var period in Enum.GetValues<Cotravail.Web.Features.Booking.Period>())
        {
            texts.Add(Cotravail.Web.Features.Booking.PeriodText.French(period));
        }
        foreach (var type in typeof(Program).Assembly.GetTypes())
        {
            foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly))
            {
                if (property.GetCustomAttribute<DisplayAttribute>()?.Name is { } name)
                {
                    texts.Add(name);
                }
                foreach (var rule in property.GetCustomAttributes<ValidationAttribute>())
                {
                    if (rule.ErrorMessage is { } message)
                    {
                        texts.Add(message);
                    }
                }
            }
        }
        return texts;
    }

    private static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Cotravail.slnx")))
        {
            dir = dir.Parent;
        }
        return dir?.FullName ?? throw new InvalidOperationException("Cotravail.slnx not found above the test folder");
    }

    // L["…"] in pages, T["…"] in handlers, Texts.Get(x, "…") in rules.
    [GeneratedRegex(@"(?:\b[LT]\[|Texts\.Get\([^,""]+,\s*)""(?<text>(?:[^""\\]|\\.)*)""")]
    private static partial Regex LocalizerCall();

    [GeneratedRegex(@"\{\d+\}")]
    private static partial Regex PlaceholderPattern();
}
