using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;

namespace Cotravail.Web.Features.Accounts.SignIn;

/// <summary>
/// The work of checking a password, done for an address without an account (signing in, registering), so that the time
/// of the answer does not tell whether the address has one: a hash made once with the current settings, checked
/// against what was typed.
/// </summary>
public sealed class UnknownAccountPassword
{
    private static readonly AppUser Nobody = new();
    private string? _hash;

    public void Check(IPasswordHasher<AppUser> hasher, string? password)
    {
        ArgumentNullException.ThrowIfNull(hasher);
        var hash = _hash ??= hasher.HashPassword(Nobody, Convert.ToHexString(RandomNumberGenerator.GetBytes(16)));
        _ = hasher.VerifyHashedPassword(Nobody, hash, password ?? "");
    }
}
