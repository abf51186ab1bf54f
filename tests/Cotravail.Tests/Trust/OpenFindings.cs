namespace Cotravail.Tests.Trust;

/// <summary>
/// What the trust matrices find and is being fixed in another change: each failure they report is either one of these —
/// listed apart, with who fixes it — or new. The matrices still fail for these: a finding leaves this list when its fix
/// lands, and a fix that works makes its line here useless (the matrices then say so). Empty: nothing is known open.
/// </summary>
public static class OpenFindings
{
    /// <param name="Key">The endpoint (<see cref="AppEndpoint.Key"/>), or a prefix of it ending with <c>*</c>.</param>
    /// <param name="Role">Who gets the wrong answer (authorization matrix), or null for any.</param>
    /// <param name="Group">For the data-leak matrix: the markers' group (<see cref="LeakGroup"/>), or null for any.</param>
    /// <param name="Owner">Who fixes it, and the item of issue 20.</param>
    public sealed record Finding(string Key, Role? Role, LeakGroup? Group, string Owner)
    {
        public bool Matches(string key, Role? role, LeakGroup? group) =>
            (Key.EndsWith('*') ? key.StartsWith(Key[..^1], StringComparison.Ordinal) : key == Key)
            && (Role is null || Role == role)
            && (Group is null || Group == group);
    }

    public static readonly IReadOnlyList<Finding> Authorization = [];

    public static Finding? ForAuthorization(string key, Role role) => Authorization.FirstOrDefault(f => f.Matches(key, role, null));

    public static readonly IReadOnlyList<Finding> Leaks = [];

    public static Finding? ForLeak(string key, LeakGroup group) => Leaks.FirstOrDefault(f => f.Matches(key, null, group));
}
