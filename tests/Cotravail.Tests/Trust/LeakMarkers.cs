using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Cotravail.Tests.Trust;

/// <summary>Why a datum of network 1 must not reach network 2.</summary>
public enum LeakGroup
{
    /// <summary>Never shown outside network 1 (its staff, or the person it belongs to).</summary>
    Private,

    /// <summary>
    /// Shown to the members of network 1 (a members-only event, a profile shown to members and its listings, and what
    /// managers read about them: reports, ambassadors): a member of network 2 is not one of them. The app has no notion
    /// of a network's members yet, so these show to every signed-in account of the deployment today.
    /// </summary>
    Membership,
}

/// <summary>
/// A datum of network 1 that network 2 must never see: its text, why, and what it is; <paramref name="ShownNowhere"/> when
/// no page shows it even to network 1 (an address the relay keeps hidden…), which is checked never to leak all the same.
/// </summary>
public sealed record Marker(string Text, LeakGroup Group, string What, bool ShownNowhere = false);

/// <summary>A marker found in an answer, with the text around it.</summary>
public sealed record MarkerSeen(Marker Marker, string Snippet);

/// <summary>
/// The markers of network 1: « FUITE-R1-0001 »… written into names, titles, messages, e-mail addresses (in lower case),
/// and one amount, 4 321,07 €, found however it is written (4 321,07 / 4321.07 / 432107 cents).
/// </summary>
public sealed partial class LeakMarkers
{
    public const string Prefix = "FUITE-R1-";
    public const int AmountCents = 432_107;

    private readonly List<Marker> _all = [];
    private readonly object _gate = new();

    public LeakMarkers() => Amount = Add(new Marker("4 321,07 €", LeakGroup.Private, "le montant d'une facture et de son paiement"));

    public Marker Amount { get; }

    public IReadOnlyList<Marker> All
    {
        get
        {
            lock (_gate)
            {
                return [.. _all];
            }
        }
    }

    /// <summary>A new marker (« FUITE-R1-0042 »).</summary>
    public string New(LeakGroup group, string what, bool shownNowhere = false)
    {
        lock (_gate)
        {
            return Add(new Marker(Prefix + (_all.Count + 1).ToString("0000", CultureInfo.InvariantCulture), group, what, shownNowhere)).Text;
        }
    }

    private Marker Add(Marker marker)
    {
        lock (_gate)
        {
            _all.Add(marker);
        }
        return marker;
    }

    /// <summary>The markers in <paramref name="text"/>, each once.</summary>
    public IReadOnlyList<MarkerSeen> FindIn(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var all = All;
        var seen = new Dictionary<Marker, MarkerSeen>();
        foreach (Match match in Numbered().Matches(text))
        {
            var n = int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
            if (n >= 1 && n <= all.Count && !seen.ContainsKey(all[n - 1]))
            {
                seen[all[n - 1]] = new MarkerSeen(all[n - 1], Around(text, match.Index, match.Length));
            }
        }
        var squashed = Squash(text);
        foreach (var form in new[] { "4321,07", "4321.07", "432107" })
        {
            var at = squashed.IndexOf(form, StringComparison.Ordinal);
            if (at >= 0 && !seen.ContainsKey(Amount))
            {
                seen[Amount] = new MarkerSeen(Amount, Around(squashed, at, form.Length));
            }
        }
        return [.. seen.Values];
    }

    /// <summary>Without white space of any kind, as written in HTML or not: « 4 321,07 € » → « 4321,07€ ».</summary>
    private static string Squash(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var c in WhiteEntities().Replace(text, ""))
        {
            if (!char.IsWhiteSpace(c) && c != '\u202F' && c != '\u00A0')
            {
                sb.Append(c);
            }
        }
        return sb.ToString();
    }

    private static string Around(string text, int index, int length)
    {
        var start = Math.Max(0, index - 80);
        var end = Math.Min(text.Length, index + length + 80);
        return "…" + Regex.Replace(text[start..end], @"\s+", " ") + "…";
    }

    /// <summary>« FUITE-R1-0042 », and the same as names are searched (« fuite r1 0042 »), in any case.</summary>
    [GeneratedRegex(@"FUITE[-\s]R1[-\s](\d{4})", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Numbered();

    [GeneratedRegex(@"&(nbsp|#160|#xA0|#x202F|#8239);", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex WhiteEntities();
}
