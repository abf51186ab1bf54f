using Cotravail.Web.Features.Accounts;

namespace Cotravail.Web.Features.Newcomers;

public sealed class RelayMessage
{
    public int Id { get; set; }
    public int IntroductionId { get; set; }
    public bool FromNewcomer { get; set; }
    public string Body { get; set; } = "";
    public DateTime AtUtc { get; set; }
}
