namespace Cotravail.Web.Features.Sites.Impact;

/// <summary>
/// A change a manager is about to make to a site that may break promises made to people: the bookings, event sessions
/// and coaching slots it leaves without a place are previewed, then cancelled with it (ADR 0040).
/// </summary>
public abstract record SiteChange(int SiteId)
{
    /// <summary>Why people lose their place, in French, for the e-mail they get (« Travaux de fibre »).</summary>
    public abstract string Why { get; }
}

/// <summary>The site (or nothing of it) is shut from <paramref name="Start"/> to <paramref name="End"/>, both included.</summary>
public sealed record ClosureChange(int SiteId, DateOnly Start, DateOnly End, string Reason) : SiteChange(SiteId)
{
    public override string Why => $"fermeture de l'espace : {Reason}";
}

/// <summary>The week's opening hours become <paramref name="Hours"/> (no row for a day = closed that day).</summary>
public sealed record HoursChange(int SiteId, IReadOnlyList<OpeningHours> Hours) : SiteChange(SiteId)
{
    public override string Why => "nouveaux horaires d'ouverture de l'espace";

    /// <summary>True when the new hours hold the whole [start, end) span of <paramref name="day"/> (local times).</summary>
    public bool Fits(DateOnly day, TimeOnly start, TimeOnly end) =>
        Hours.Any(h => h.Day == day.DayOfWeek && h.Covers(start, end));
}

/// <summary>The resource is archived: nothing can be booked on it any more.</summary>
public sealed record ResourceArchivedChange(int SiteId, int ResourceId) : SiteChange(SiteId)
{
    public override string Why => "le poste ou la salle réservé n'est plus proposé";
}

/// <summary>The resource keeps fewer places: days where more are booked lose the bookings made last.</summary>
public sealed record CapacityChange(int SiteId, int ResourceId, int NewCapacity) : SiteChange(SiteId)
{
    public override string Why => "le nombre de places a été réduit";
}

/// <summary>The whole site is archived (it closes for good).</summary>
public sealed record SiteArchivedChange(int SiteId) : SiteChange(SiteId)
{
    public override string Why => "l'espace ferme ses portes";
}
