using System.Globalization;
using Cotravail.Web.Common;
using Cotravail.Web.Common.Auditing;
using Cotravail.Web.Data;
using Cotravail.Web.Features.Sites;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Web.Features.Audit;

/// <summary>
/// Turns stored audit entries into <see cref="ReadableEntry"/>: French labels from each type's vocabulary, money as
/// « 15,00 € », dates as « 1er décembre 2026 », UTC times in the site's zone, people and sites by name. Reads entries of
/// both layouts (one record per entry, before ADR 0044, and one save per entry).
/// </summary>
public sealed class AuditReader(AppDbContext db, AuditedTypes audited)
{
    private static readonly TimeZoneInfo Paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");

    /// <summary>The entries, in order; <paramref name="localize"/> turns a French text (with {0} for its values) into the reader's language.</summary>
    public async Task<List<ReadableEntry>> ReadAsync(IReadOnlyList<AuditEntry> rows, Func<string, object[], string> localize, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var parsed = rows.Select(r => (Row: r, Items: AuditItem.Read(r))).ToList();
        var people = new HashSet<string>(StringComparer.Ordinal);
        var siteIds = new HashSet<int>();
        foreach (var (row, items) in parsed)
        {
            if (row.ActorId is { } a) people.Add(a);
            if (row.SubjectUserId is { } s) people.Add(s);
            if (row.SiteId is { } site) siteIds.Add(site);
            foreach (var item in items)
            {
                var words = audited.VocabularyOf(item.Type);
                foreach (var (field, values) in item.Changes)
                {
                    var kind = words.Fields.GetValueOrDefault(field)?.Value;
                    foreach (var v in values.OfType<string>())
                    {
                        if (kind == AuditValue.Person) people.Add(v);
                        if (kind == AuditValue.Site && int.TryParse(v, CultureInfo.InvariantCulture, out var id)) siteIds.Add(id);
                    }
                }
            }
        }
        var names = await db.Users.AsNoTracking().Where(u => people.Contains(u.Id))
            .Select(u => new { u.Id, u.FirstName, u.LastName, u.Email }).ToDictionaryAsync(u => u.Id, ct);
        var sites = await db.Sites.AsNoTracking().Where(s => siteIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, ct);
        string? NameOf(string? id) => id is null ? null
            : names.TryGetValue(id, out var u) ? ($"{u.FirstName} {u.LastName}".Trim() is { Length: > 0 } n ? n : u.Email) : localize("(compte supprimé)", []);
        string? EmailOf(string? id) => id is not null && names.TryGetValue(id, out var u) ? u.Email : null;

        var result = new List<ReadableEntry>(parsed.Count);
        foreach (var (row, items) in parsed)
        {
            var site = row.SiteId is { } sid ? sites.GetValueOrDefault(sid) : null;
            var zone = site is null ? Paris : SiteClock.Zone(site);
            var local = TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(row.AtUtc, DateTimeKind.Utc), zone);
            var values = new Values(localize, zone, NameOf, id => sites.TryGetValue(id, out var s) ? s.Name : null);
            var main = audited.VocabularyOf(row.EntityType);
            var count = items.Count(i => i.Type == row.EntityType);
            result.Add(new ReadableEntry(
                new DateTimeOffset(local, zone.GetUtcOffset(local)), NameOf(row.ActorId), EmailOf(row.ActorId), row.Ip, row.Action,
                Title(main, row.Action, count, localize), count == 1 ? row.EntityKey : null,
                site?.Id, site?.Name, NameOf(row.SubjectUserId), EmailOf(row.SubjectUserId),
                Records(items, values, localize)));
        }
        return result;
    }

    /// <summary>« Horaires d'ouverture modifiés », « Fermeture créée », « Paiements créés ».</summary>
    public static string Title(AuditVocabulary words, AuditAction action, int count, Func<string, object[], string> localize)
    {
        ArgumentNullException.ThrowIfNull(words);
        ArgumentNullException.ThrowIfNull(localize);
        var plural = count > 1 || words.Noun == words.Plural;
        var noun = count > 1 ? words.Plural : words.Noun;
        var form = (action, words.Feminine, plural) switch
        {
            (AuditAction.Created, false, false) => "{0} créé",
            (AuditAction.Created, true, false) => "{0} créée",
            (AuditAction.Created, false, true) => "{0} créés",
            (AuditAction.Created, true, true) => "{0} créées",
            (AuditAction.Deleted, false, false) => "{0} supprimé",
            (AuditAction.Deleted, true, false) => "{0} supprimée",
            (AuditAction.Deleted, false, true) => "{0} supprimés",
            (AuditAction.Deleted, true, true) => "{0} supprimées",
            (_, false, false) => "{0} modifié",
            (_, true, false) => "{0} modifiée",
            (_, false, true) => "{0} modifiés",
            _ => "{0} modifiées",
        };
        return localize(form, [localize(noun, [])]);
    }

    private List<ReadableRecord> Records(IReadOnlyList<AuditItem> items, Values values, Func<string, object[], string> localize)
    {
        var records = new List<ReadableRecord>();
        var single = items.Count == 1;
        foreach (var type in items.GroupBy(i => i.Type))
        {
            var words = audited.VocabularyOf(type.Key);
            var rest = type.ToList();
            if (words.GroupBy is { } key && words.Describe is { } describe && rest.Count > 1)
            {
                var whole = rest.Where(i => i.Action != AuditAction.Updated).ToList();
                rest = [.. rest.Where(i => i.Action == AuditAction.Updated)];
                var lines = Grouped(whole, words, key, describe, values, localize);
                if (lines.Count > 0)
                {
                    records.Add(new ReadableRecord(localize(words.Plural, []), lines));
                }
            }
            foreach (var item in rest)
            {
                var heading = single ? null : localize(item.Action switch
                {
                    AuditAction.Created => "{0} n° {1} (création)",
                    AuditAction.Deleted => "{0} n° {1} (suppression)",
                    _ => "{0} n° {1} (modification)",
                }, [localize(words.Noun, []), item.Key]);
                records.Add(new ReadableRecord(heading, Fields(item, words, values, localize)));
            }
        }
        return records;
    }

    /// <summary>Rows replaced in one save, by the field that names them: « lundi : 9 h 00 – 18 h 00 → fermé », only those that changed.</summary>
    private static List<string> Grouped(List<AuditItem> items, AuditVocabulary words, string key, Func<Func<string, string?>, string> describe, Values values, Func<string, object[], string> localize)
    {
        var before = new Dictionary<string, string>(StringComparer.Ordinal);
        var after = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var item in items)
        {
            var side = item.Action == AuditAction.Deleted ? 0 : 1;
            string? Value(string field) => item.Changes.TryGetValue(field, out var v) ? v.ElementAtOrDefault(side) : null;
            if (Value(key) is not { } name)
            {
                continue;
            }
            var target = side == 0 ? before : after;
            target[name] = target.TryGetValue(name, out var more) ? more + ", " + describe(Value) : describe(Value);
        }
        var field = words.Fields.GetValueOrDefault(key);
        var closed = Values.French ? "fermé" : "closed";
        return [.. before.Keys.Union(after.Keys)
            .OrderBy(k => Enum.TryParse<DayOfWeek>(k, out var d) ? ((int)d + 6) % 7 : 7).ThenBy(k => k, StringComparer.Ordinal)
            .Where(k => before.GetValueOrDefault(k) != after.GetValueOrDefault(k))
            .Select(k => localize("{0} : {1} → {2}", [
                field is null ? k : values.Show(field, k), before.GetValueOrDefault(k) ?? closed, after.GetValueOrDefault(k) ?? closed]))];
    }

    private static List<string> Fields(AuditItem item, AuditVocabulary words, Values values, Func<string, object[], string> localize)
    {
        var lines = new List<string>();
        // In the order the vocabulary declares the fields (name, address, prices…), unknown ones last.
        var order = words.Fields.Keys.Select((k, i) => (k, i)).ToDictionary(x => x.k, x => x.i, StringComparer.Ordinal);
        foreach (var (name, pair) in item.Changes.OrderBy(c => order.GetValueOrDefault(c.Key, int.MaxValue)))
        {
            if (!words.Keeps(name))
            {
                continue; // secrets and personal data kept by entries written before they were hidden
            }
            var field = words.Fields.GetValueOrDefault(name);
            var label = field is null ? name : localize(field.Label, []);
            string Show(string? raw) => raw is null ? "—" : field is null ? raw : values.Show(field, raw);
            var (old, now) = (pair.ElementAtOrDefault(0), pair.ElementAtOrDefault(1));
            lines.Add(item.Action switch
            {
                AuditAction.Created when old is null => localize("{0} : {1}", [label, Show(now)]),
                AuditAction.Deleted when now is null => localize("{0} : {1}", [label, Show(old)]),
                _ => localize("{0} : {1} → {2}", [label, Show(old), Show(now)]),
            });
        }
        return lines;
    }

    /// <summary>How a stored value reads.</summary>
    private sealed class Values(Func<string, object[], string> localize, TimeZoneInfo zone, Func<string?, string?> person, Func<int, string?> site)
    {
        private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

        // « oui », « non », « fermé » in lower case: the resources hold their capitalised forms for buttons and headings.
        public static bool French => CultureInfo.CurrentCulture.TwoLetterISOLanguageName == "fr";

        public string Show(AuditField field, string raw) => field.Value switch
        {
            AuditValue.Money when int.TryParse(raw, Invariant, out var cents) => Format.Euros(cents),
            AuditValue.Percent when int.TryParse(raw, Invariant, out var bp) => (bp / 10000m).ToString("P2", CultureInfo.CurrentCulture).Replace(' ', '\u00a0'),
            AuditValue.Flag when bool.TryParse(raw, out var flag) => French ? (flag ? "oui" : "non") : (flag ? "yes" : "no"),
            AuditValue.Choice when field.Choice?.Invoke(raw) is { } text => localize(text, []),
            // Dates were written as MM/dd/yyyy (invariant) before ADR 0044, and are read either way.
            AuditValue.Date when DateOnly.TryParse(raw, Invariant, DateTimeStyles.None, out var day) => Format.Date(day),
            AuditValue.Instant when DateTime.TryParseExact(raw, "yyyy-MM-dd HH:mm:ss", Invariant, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var utc) => Instant(utc),
            AuditValue.Time when TimeOnly.TryParse(raw, Invariant, out var time) => Format.Time(time),
            AuditValue.Day when Enum.TryParse<DayOfWeek>(raw, out var d) && Enum.IsDefined(d) => Format.DayName(d),
            AuditValue.Person => person(raw) ?? raw,
            AuditValue.Site when int.TryParse(raw, Invariant, out var id) => site(id) ?? localize("n° {0}", [raw]),
            AuditValue.Reference => localize("n° {0}", [raw]),
            AuditValue.Number when long.TryParse(raw, Invariant, out var n) => n.ToString("N0", CultureInfo.CurrentCulture).Replace('\u202f', '\u00a0'),
            _ => raw,
        };

        private string Instant(DateTime utc)
        {
            var local = TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), zone);
            return localize("{0} à {1}", [Format.Date(DateOnly.FromDateTime(local)), Format.Time(TimeOnly.FromDateTime(local))]);
        }
    }
}
