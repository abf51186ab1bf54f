using Cotravail.Web.Common;

namespace Cotravail.Web.Features.Reception.Card;

/// <summary>The member's card: a QR code reception scans to record the arrival, valid for a day.</summary>
public sealed class CardModel(MemberCards cards, IEnumerable<ICardSection> sections) : LocalizedPage
{
    public IReadOnlyList<CardSection> Sections { get; private set; } = [];

    public string Token { get; private set; } = "";
    public string QrDataUri { get; private set; } = "";
    public DateTime ExpiresUtc { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        (Token, ExpiresUtc) = cards.Issue(CurrentUser.RequiredId);
        QrDataUri = Qr.SvgDataUri(Token);
        var shown = new List<CardSection>();
        foreach (var section in sections.OrderBy(s => s.Order))
        {
            if (await section.ForAsync(CurrentUser.RequiredId, ct) is { } s)
            {
                shown.Add(s);
            }
        }
        Sections = shown;
    }
}
