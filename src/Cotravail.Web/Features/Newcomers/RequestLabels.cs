namespace Cotravail.Web.Features.Newcomers;

/// <summary>The French words of a request's codes (keys of the English resource file too).</summary>
public static class RequestLabels
{
    public static readonly RequestStatus[] Statuses = [RequestStatus.New, RequestStatus.InProgress, RequestStatus.Answered, RequestStatus.Settled];

    public static string Status(RequestStatus status) => status switch
    {
        RequestStatus.New => "nouvelle",
        RequestStatus.InProgress => "en cours",
        RequestStatus.Answered => "répondu",
        _ => "installé·e",
    };

    public static string ApiStatus(RequestStatus status) => status switch
    {
        RequestStatus.New => "new",
        RequestStatus.InProgress => "inProgress",
        RequestStatus.Answered => "answered",
        _ => "settled",
    };

    public static RequestStatus? ParseStatus(string? text) =>
        Statuses.Cast<RequestStatus?>().FirstOrDefault(s => ApiStatus(s!.Value) == text);

    public static string Kind(string kind) => kind == RequestForm.Firm ? "une entreprise" : "une personne";

    public static string Project(string project) => project switch
    {
        "telework" => "télétravail",
        "businessCreation" => "création d'activité",
        "relocation" => "installation d'une entreprise",
        _ => "autre projet",
    };

    public static string Need(string need) => need switch
    {
        "desk" => "un poste ou un bureau",
        "network" => "rencontrer le réseau local",
        "housing" => "des pistes de logement",
        "schooling" => "la scolarité des enfants",
        _ => "un emploi pour mon ou ma conjoint·e",
    };

    public static IEnumerable<string> AllFrench() =>
        Statuses.Select(Status)
            .Concat(RequestForm.Kinds.Select(Kind))
            .Concat(RequestForm.Projects.Select(Project))
            .Concat(RequestForm.AllNeeds.Select(Need));
}
