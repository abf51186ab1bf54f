namespace Cotravail.Web;

/// <summary>
/// Marker for the UI texts. The French text is the key (French is the default language);
/// <c>Resources/SharedResource.en.resx</c> gives the English text for each key.
/// </summary>
public sealed class SharedResource;
