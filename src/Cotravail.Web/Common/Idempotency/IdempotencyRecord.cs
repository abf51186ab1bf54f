namespace Cotravail.Web.Common.Idempotency;

/// <summary>
/// The first answer given to a request carrying an <c>Idempotency-Key</c>, per caller. A retry with the same key and body
/// gets it again; the same key with another body is refused (422). <see cref="StatusCode"/> 0 means "in progress";
/// a negative status means the stored body is a ProblemDetails.
/// </summary>
public sealed class IdempotencyRecord
{
    public string Scope { get; set; } = "";
    public string Key { get; set; } = "";
    public string RequestHash { get; set; } = "";
    public int StatusCode { get; set; }
    public string? Body { get; set; }
    public string? Location { get; set; }
    public DateTime CreatedAtUtc { get; set; }
}
