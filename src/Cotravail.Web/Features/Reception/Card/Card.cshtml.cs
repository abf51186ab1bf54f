using System.Security.Claims;
using Cotravail.Web.Common;

namespace Cotravail.Web.Features.Reception.Card;

/// <summary>The member's card: a QR code reception scans to record the arrival, valid for a day.</summary>
public sealed class CardModel(MemberCards cards) : LocalizedPage
{
    public string Token { get; private set; } = "";
    public string QrDataUri { get; private set; } = "";
    public DateTime ExpiresUtc { get; private set; }

    public void OnGet()
    {
        (Token, ExpiresUtc) = cards.Issue(User.FindFirstValue(ClaimTypes.NameIdentifier)!);
        QrDataUri = Qr.SvgDataUri(Token);
    }
}
