namespace Cotravail.Web.Features.Events;

/// <summary>What kind of moment an event is (glossary: atelier, formation, accompagnement, conférence, convivialité, visite).</summary>
public enum EventKind
{
    Workshop = 0,
    Training = 1,
    Coaching = 2,
    Talk = 3,
    Social = 4,
    Visit = 5,
}

/// <summary>Who may see and register: everyone, or people with an account only.</summary>
public enum EventAudience
{
    Public = 0,
    Members = 1,
}

/// <summary>Who runs the event: a host of the site, a member, or a partner (a chamber of commerce, an association…).</summary>
public enum OrganiserKind
{
    Host = 0,
    Member = 1,
    Partner = 2,
}

public enum EventStatus
{
    /// <summary>Being prepared by the hosts: not shown to the public.</summary>
    Draft = 0,
    Published = 1,
    Cancelled = 2,
    /// <summary>Proposed by a member (« Je propose un atelier »), waiting for a host to review it.</summary>
    Proposed = 3,
    /// <summary>A proposal a host declined, with a message to the member.</summary>
    Declined = 4,
}

public static class EventKindText
{
    public static string French(this EventKind kind) => kind switch
    {
        EventKind.Workshop => "Atelier",
        EventKind.Training => "Formation",
        EventKind.Coaching => "Accompagnement",
        EventKind.Talk => "Conférence",
        EventKind.Social => "Convivialité",
        EventKind.Visit => "Visite",
        _ => kind.ToString(),
    };

    /// <summary>The word in addresses and filters: « atelier », « formation »…</summary>
    public static string Slug(this EventKind kind) => kind switch
    {
        EventKind.Workshop => "atelier",
        EventKind.Training => "formation",
        EventKind.Coaching => "accompagnement",
        EventKind.Talk => "conference",
        EventKind.Social => "convivialite",
        EventKind.Visit => "visite",
        _ => kind.ToString().ToLowerInvariant(),
    };

    /// <summary>Reads « atelier » (pages) or « workshop » (API), in any case.</summary>
    public static EventKind? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        foreach (var kind in Enum.GetValues<EventKind>())
        {
            if (string.Equals(text, kind.Slug(), StringComparison.OrdinalIgnoreCase)
                || string.Equals(text, kind.ToString(), StringComparison.OrdinalIgnoreCase))
            {
                return kind;
            }
        }
        return null;
    }

    public static string French(this EventAudience audience) => audience switch
    {
        EventAudience.Members => "Réservé aux membres",
        _ => "Ouvert à tous",
    };

    public static string French(this OrganiserKind kind) => kind switch
    {
        OrganiserKind.Member => "Un membre",
        OrganiserKind.Partner => "Un partenaire",
        _ => "L'équipe d'accueil",
    };

    public static string French(this EventStatus status) => status switch
    {
        EventStatus.Published => "Publié",
        EventStatus.Cancelled => "Annulé",
        EventStatus.Proposed => "Proposition à examiner",
        EventStatus.Declined => "Proposition déclinée",
        _ => "Brouillon",
    };
}
