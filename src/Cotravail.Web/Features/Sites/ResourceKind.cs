namespace Cotravail.Web.Features.Sites;

public enum ResourceKind
{
    /// <summary>Postes en espace partagé: several interchangeable desks.</summary>
    DeskPool = 0,
    /// <summary>Bureau privatif.</summary>
    PrivateOffice = 1,
    /// <summary>Salle de réunion, capacity = seats.</summary>
    MeetingRoom = 2,
    /// <summary>Cabine téléphonique.</summary>
    PhoneBooth = 3,
}

public static class ResourceKindText
{
    public static string French(this ResourceKind kind) => kind switch
    {
        ResourceKind.DeskPool => "Postes en espace partagé",
        ResourceKind.PrivateOffice => "Bureau privatif",
        ResourceKind.MeetingRoom => "Salle de réunion",
        ResourceKind.PhoneBooth => "Cabine téléphonique",
        _ => kind.ToString(),
    };

    /// <summary>Unit of the capacity: desks for a pool, seats for a room.</summary>
    public static string CapacityUnit(this ResourceKind kind, int capacity) => kind switch
    {
        ResourceKind.DeskPool => capacity > 1 ? "postes" : "poste",
        _ => capacity > 1 ? "places" : "place",
    };
}
