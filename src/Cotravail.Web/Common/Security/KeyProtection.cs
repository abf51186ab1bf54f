using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Cotravail.Web.Data;
using Microsoft.AspNetCore.DataProtection;

namespace Cotravail.Web.Common.Security;

/// <summary>
/// ASP.NET Core Data Protection (sign-in cookies, tokens in e-mail links): one key ring for every instance, kept in the
/// database. With a certificate (<c>DataProtection:Certificate:Path</c>, a .pfx holding its private key, and
/// <c>:Password</c>), each key is encrypted with it before it is stored, so a copy of the database alone forges no
/// cookie. Keys written under an earlier certificate stay readable while it is listed in
/// <c>DataProtection:PreviousCertificates:N:Path</c> / <c>:Password</c>. Without a certificate the keys are stored as
/// they are, and in Production a warning says so at every start.
/// </summary>
public static class KeyProtection
{
    public const string CertificateSetting = "DataProtection:Certificate";
    public const string PreviousSetting = "DataProtection:PreviousCertificates";

    public static WebApplicationBuilder AddKeyProtection(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var protection = builder.Services.AddDataProtection()
            .SetApplicationName("Cotravail")
            .PersistKeysToDbContext<AppDbContext>();
        var current = Load(builder.Configuration.GetSection(CertificateSetting), CertificateSetting);
        var previous = builder.Configuration.GetSection(PreviousSetting).GetChildren()
            .Select(s => Load(s, $"{PreviousSetting}:{s.Key}"))
            .OfType<X509Certificate2>()
            .ToArray();
        if (current is not null)
        {
            // Encrypts new keys, and reads the keys it encrypted.
            protection.ProtectKeysWithCertificate(current);
        }
        if (previous.Length > 0)
        {
            protection.UnprotectKeysWithAnyCertificate(previous);
        }
        if (current is null && builder.Environment.IsProduction())
        {
            builder.Services.AddHostedService<UnprotectedKeysWarning>();
        }
        return builder;
    }

    /// <summary>The certificate a section names, or null when it names none; a wrong file or password stops the start.</summary>
    private static X509Certificate2? Load(IConfigurationSection section, string key)
    {
        var path = section["Path"];
        if (string.IsNullOrWhiteSpace(path))
        {
            return null;
        }
        X509Certificate2 certificate;
        try
        {
            certificate = X509CertificateLoader.LoadPkcs12FromFile(path, section["Password"]);
        }
        catch (Exception e) when (e is CryptographicException or IOException or UnauthorizedAccessException)
        {
            throw new InvalidOperationException(
                $"{key}:Path : le certificat « {path} » ne peut pas être lu ({e.Message}) ; vérifiez le fichier (.pfx) et {key}:Password. "
                + $"/ {key}:Path: the certificate '{path}' cannot be read ({e.Message}); check the file (.pfx) and {key}:Password.", e);
        }
        if (!certificate.HasPrivateKey)
        {
            certificate.Dispose();
            throw new InvalidOperationException(
                $"{key}:Path : le certificat « {path} » ne contient pas sa clé privée, sans laquelle les clés ne pourraient pas être relues. "
                + $"/ {key}:Path: the certificate '{path}' holds no private key, without which the keys could not be read back.");
        }
        return certificate;
    }
}

/// <summary>In Production, says at start that the data-protection keys are stored unencrypted.</summary>
internal sealed partial class UnprotectedKeysWarning(ILogger<UnprotectedKeysWarning> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        LogUnprotected(logger);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Data-protection keys are stored unencrypted in the database: "
        + "set DataProtection:Certificate:Path and DataProtection:Certificate:Password (a .pfx certificate) to encrypt them. "
        + "/ Les clés de protection des données sont stockées en clair dans la base : indiquez un certificat pour les chiffrer.")]
    private static partial void LogUnprotected(ILogger logger);
}
