namespace Cotravail.Web.Common.Security;

/// <summary>Reads where a person acts as staff (implemented by Sites, which holds the sites, their hosts and the networks' managers).</summary>
public interface IStaffReachLoader
{
    /// <summary><paramref name="host"/> and <paramref name="manager"/>: the roles the session carries (a manager without 2FA has none).</summary>
    Task<StaffReach> LoadAsync(string userId, bool host, bool manager, CancellationToken ct);
}
