namespace Cotravail.Web.Features.Newcomers;

/// <summary>Where a request stands in the managers' inbox.</summary>
public enum RequestStatus
{
    New = 0,
    InProgress = 1,
    Answered = 2,
    Settled = 3,
}

/// <summary>
/// A « Je m'installe / je découvre » request: a person or a firm thinking of coming to work in the valley.
/// Written by someone without an account; every text is stored as typed and shown escaped.
/// </summary>
public sealed class NewcomerRequest
{
    public int Id { get; set; }
    public int NetworkId { get; set; }

    /// <summary>"person" or "firm".</summary>
    public string Kind { get; set; } = RequestForm.Person;
    public string Name { get; set; } = "";
    public string? Organisation { get; set; }
    public string? Email { get; set; }
    public string? Phone { get; set; }

    /// <summary>"telework", "businessCreation", "relocation" or "other".</summary>
    public string Project { get; set; } = "";
    public string? OriginPostcode { get; set; }
    public string? OriginCountry { get; set; }

    /// <summary>The department code derived from a French postcode ("46", "2A", "974").</summary>
    public string? Department { get; set; }
    public string? Region { get; set; }

    /// <summary>The month they plan to come (its first day).</summary>
    public DateOnly? ArrivalMonth { get; set; }

    /// <summary>Comma-separated needs: desk, network, housing, schooling, partnerJob.</summary>
    public string Needs { get; set; } = "";
    public string? Message { get; set; }
    public RequestStatus Status { get; set; }
    public DateTime CreatedAtUtc { get; set; }
    public DateTime? SettledAtUtc { get; set; }
    public List<RequestEntry> History { get; } = [];

    public IReadOnlyList<string> NeedList => Needs.Length == 0 ? [] : Needs.Split(',');
}

public enum EntryKind
{
    Received = 0,
    Note = 1,
    MailSent = 2,
    StatusChanged = 3,
    Introduced = 4,
}
