namespace Cotravail.Web.Common.Security;

/// <summary>
/// Whether the site is served over HTTPS (<c>Security:Https</c>; by default yes outside Development and Testing).
/// Over HTTPS every cookie is Secure and named with the <c>__Host-</c> prefix (bound to this host, path /, never
/// sent over plain HTTP); over http://localhost in Development the plain names are kept so the demo works.
/// </summary>
public sealed class TransportSecurity(bool https)
{
    public const string HostPrefix = "__Host-";

    public bool Https { get; } = https;

    public CookieSecurePolicy SecurePolicy => Https ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;

    /// <summary>The name a cookie goes by: <c>__Host-name</c> over HTTPS, <c>name</c> otherwise.</summary>
    public string CookieName(string name) => Https ? HostPrefix + name : name;

    public static TransportSecurity From(IConfiguration config, IHostEnvironment env)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(env);
        var https = config.GetValue<bool?>("Security:Https") ?? !(env.IsDevelopment() || env.IsEnvironment("Testing"));
        return new TransportSecurity(https);
    }
}
