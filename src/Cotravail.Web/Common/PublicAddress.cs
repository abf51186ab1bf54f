namespace Cotravail.Web.Common;

/// <summary>
/// The address every link in an e-mail starts with. <c>PublicUrl</c> when it is set (an absolute http or https
/// address, checked at start); in Production it must be set, and the application refuses to start without it, so a
/// forged <c>Host</c> header can never lead a reset or confirmation link elsewhere. Outside Production, without
/// <c>PublicUrl</c>, the request's scheme and host are used (the demo on any port, the tests), and
/// <c>http://localhost</c> in what background jobs send.
/// </summary>
public sealed class PublicAddress(Uri? configured, IHttpContextAccessor http)
{
    public const string Setting = "PublicUrl";

    private const string Fallback = "http://localhost";

    /// <summary>The configured address, without a trailing slash; null outside Production when none is set.</summary>
    public Uri? Configured { get; } = configured;

    /// <summary>The scheme, host and path base links start with (no trailing slash): <c>https://cotravail.example/</c>…</summary>
    public string Root()
    {
        if (Configured is { } uri)
        {
            return uri.GetLeftPart(UriPartial.Path).TrimEnd('/');
        }
        var request = http.HttpContext?.Request;
        return request is null ? Fallback : $"{request.Scheme}://{request.Host}{request.PathBase}";
    }

    /// <summary>An absolute link to <paramref name="path"/> (which starts with <c>/</c>).</summary>
    public string Absolute(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return Root() + path;
    }

    /// <summary>Reads and checks <c>PublicUrl</c>; throws, with a message in French and English, when it is wrong or missing in Production.</summary>
    public static Uri? Read(IConfiguration config, IHostEnvironment env)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(env);
        var value = config[Setting]?.Trim();
        if (string.IsNullOrEmpty(value))
        {
            if (env.IsProduction())
            {
                throw new InvalidOperationException(
                    "PublicUrl est obligatoire en production : indiquez l'adresse publique du site (par exemple PublicUrl=https://cotravail.example.fr) ; "
                    + "les liens des e-mails (confirmation, mot de passe oublié…) pointent là, quel que soit l'en-tête Host reçu. "
                    + "/ PublicUrl is required in Production: set the site's public address (for example PublicUrl=https://cotravail.example.fr); "
                    + "links in e-mails (confirmation, password reset…) point there, whatever Host header a request carries.");
            }
            return null;
        }
        if (!Uri.TryCreate(value, UriKind.Absolute, out var uri)
            || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)
            || string.IsNullOrEmpty(uri.Host) || !string.IsNullOrEmpty(uri.UserInfo)
            || !string.IsNullOrEmpty(uri.Query) || !string.IsNullOrEmpty(uri.Fragment))
        {
            throw new InvalidOperationException(
                $"PublicUrl « {value} » n'est pas une adresse http ou https complète (par exemple https://cotravail.example.fr). "
                + $"/ PublicUrl '{value}' is not an absolute http or https address (for example https://cotravail.example.fr).");
        }
        return uri;
    }
}
