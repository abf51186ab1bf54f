using Cotravail.Web.Common;

namespace Cotravail.Web.Features.Accounts.MyAccount;

/// <summary>
/// What <c>_CommuneField.cshtml</c> draws after a postcode field: a list of the postcode's communes, named
/// <paramref name="Name"/>, with <paramref name="Selected"/> (an INSEE code) chosen and <paramref name="Error"/> under it.
/// <c>commune.js</c> fills the list again when the postcode (<paramref name="PostcodeId"/>) changes.
/// </summary>
public sealed record CommuneField(string Name, string PostcodeId, string? Postcode, string? Selected, string? Error)
{
    public string Id => Name.Replace('.', '_');

    public IReadOnlyList<Commune> Choices => CommuneChoice.At(Postcode);

    /// <summary>The commune marked as chosen: the one asked for, else the only one.</summary>
    public string? Chosen => Choices.FirstOrDefault(c => c.Insee == Selected)?.Insee ?? (Choices is [var only] ? only.Insee : null);
}
