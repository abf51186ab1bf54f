using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Cotravail.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Cotravail.Tests.Security;

/// <summary>Data-protection keys are encrypted in the database with the configured certificate.</summary>
public sealed class KeyProtectionTests
{
    private const string Password = "mot de passe du certificat";

    /// <summary>A new self-signed certificate with its private key, written as a .pfx file.</summary>
    private static string NewCertificate(string name)
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest($"CN={name}", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(5));
        var folder = Path.Combine(Path.GetTempPath(), "cotravail-tests");
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, $"keys-{Guid.NewGuid():N}.pfx");
        File.WriteAllBytes(path, certificate.Export(X509ContentType.Pfx, Password));
        return path;
    }

    /// <summary>The settings of an app on <paramref name="connection"/> (its own new database when null) with these certificates.</summary>
    private static Dictionary<string, string?> With(string provider, string? connection, string? certificate, string? previous = null)
    {
        var settings = new Dictionary<string, string?>();
        if (connection is not null)
        {
            settings[$"ConnectionStrings:{provider}"] = connection;
        }
        if (certificate is not null)
        {
            settings["DataProtection:Certificate:Path"] = certificate;
            settings["DataProtection:Certificate:Password"] = Password;
        }
        if (previous is not null)
        {
            settings["DataProtection:PreviousCertificates:0:Path"] = previous;
            settings["DataProtection:PreviousCertificates:0:Password"] = Password;
        }
        return settings;
    }

    /// <summary>Whether the app takes this sign-in cookie: a members' page answers instead of sending to the sign-in page.</summary>
    private static async Task<bool> SignedInAsync(TestApp app, string cookie)
    {
        var client = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/mes-reservations", UriKind.Relative));
        request.Headers.Add("Cookie", cookie);
        var response = await client.SendAsync(request);
        return response.StatusCode == HttpStatusCode.OK;
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task With_a_certificate_the_stored_keys_are_encrypted_and_a_cookie_outlives_a_restart(string provider)
    {
        var first = NewCertificate("Cotravail clés 1");
        var second = NewCertificate("Cotravail clés 2");
        try
        {
            await using var app = await TestApp.StartAsync(provider, With(provider, connection: null, first));
            var connection = app.Services.GetRequiredService<IConfiguration>()[$"ConnectionStrings:{provider}"]!;
            var signIn = await app.CreateClient().PostAsJsonAsync(new Uri("/api/v1/auth/login?useCookies=true", UriKind.Relative),
                new { email = TestApp.MemberEmail, password = TestApp.DemoPassword });
            Assert.Equal(HttpStatusCode.OK, signIn.StatusCode);
            var cookie = string.Join("; ", signIn.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]));
            Assert.True(await SignedInAsync(app, cookie));

            var keys = await app.WithDbAsync(db => db.DataProtectionKeys.Select(k => k.Xml).ToListAsync());
            Assert.NotEmpty(keys);
            Assert.All(keys, xml =>
            {
                Assert.Contains("<EncryptedKey", xml, StringComparison.Ordinal);
                Assert.DoesNotContain("<masterKey", xml, StringComparison.Ordinal);
            });

            // The app started again on the same database: same certificate, then a new one with the first kept for reading.
            await using (var again = await TestApp.StartAsync(provider, With(provider, connection, first)))
            {
                Assert.True(await SignedInAsync(again, cookie));
            }
            await using (var renewed = await TestApp.StartAsync(provider, With(provider, connection, second, previous: first)))
            {
                Assert.True(await SignedInAsync(renewed, cookie));
            }
            // A copy of the database without the certificate reads no key: the cookie is worth nothing there.
            await using (var copy = await TestApp.StartAsync(provider, With(provider, connection, certificate: null)))
            {
                Assert.False(await SignedInAsync(copy, cookie));
            }
        }
        finally
        {
            File.Delete(first);
            File.Delete(second);
        }
    }

    [Fact]
    public async Task In_production_without_a_certificate_the_start_warns_and_with_one_it_does_not()
    {
        await using (var plain = await ProductionHost.CreateAsync(new Dictionary<string, string?> { ["PublicUrl"] = "https://cotravail.exemple.fr" }))
        {
            _ = plain.Server;
            Assert.Contains(plain.Logs, l => l.Level == LogLevel.Warning && l.Message.Contains("Data-protection keys are stored unencrypted", StringComparison.Ordinal));
        }
        var certificate = NewCertificate("Cotravail production");
        try
        {
            await using var protectedKeys = await ProductionHost.CreateAsync(new Dictionary<string, string?>
            {
                ["PublicUrl"] = "https://cotravail.exemple.fr",
                ["DataProtection:Certificate:Path"] = certificate,
                ["DataProtection:Certificate:Password"] = Password,
            });
            _ = protectedKeys.Server;
            Assert.DoesNotContain(protectedKeys.Logs, l => l.Message.Contains("Data-protection keys are stored unencrypted", StringComparison.Ordinal));
        }
        finally
        {
            File.Delete(certificate);
        }
    }

    [Fact]
    public async Task A_certificate_that_cannot_be_read_stops_the_start_with_a_clear_message()
    {
        var certificate = NewCertificate("Cotravail mauvais mot de passe");
        try
        {
            var failure = await ProductionHost.StartFailureAsync(new Dictionary<string, string?>
            {
                ["PublicUrl"] = "https://cotravail.exemple.fr",
                ["DataProtection:Certificate:Path"] = certificate,
                ["DataProtection:Certificate:Password"] = "pas le bon",
            });
            var error = Assert.IsType<InvalidOperationException>(failure);
            Assert.Contains("DataProtection:Certificate:Path : le certificat", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(certificate);
        }
    }
}
