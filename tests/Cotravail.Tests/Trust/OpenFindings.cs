namespace Cotravail.Tests.Trust;

/// <summary>
/// What the trust matrices find today and is being fixed elsewhere (issue 20): each failure they report is either
/// one of these — listed apart, with who fixes it — or new. The matrices still fail for these: a finding leaves this
/// list when its fix lands, and a fix that works makes its line here useless (the matrices then say so).
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

    private const string TwoFactorEverywhere =
        "Accounts — issue 20 #5: the two-factor rule applies to every manager answer, whatever the endpoint does (this handler checks sign-in itself)";

    private const string ObservatoryTwoFactor =
        "Observatory — issue 20 #5: a manager without two-factor authentication gets the public indicators only";

    public static readonly IReadOnlyList<Finding> Authorization =
    [
        new("POST /agenda/{id:int}?handler=Cancel", Role.ManagerWithoutTwoFactor, null, TwoFactorEverywhere),
        new("POST /agenda/{id:int}?handler=Register", Role.ManagerWithoutTwoFactor, null, TwoFactorEverywhere),
        new("POST /coups-de-main?handler=SignUp", Role.ManagerWithoutTwoFactor, null, TwoFactorEverywhere),
        new("POST /coups-de-main?handler=Withdraw", Role.ManagerWithoutTwoFactor, null, TwoFactorEverywhere),
        new("GET /api/v1/observatory/indicators", Role.ManagerWithoutTwoFactor, null, ObservatoryTwoFactor),
    ];

    public static Finding? ForAuthorization(string key, Role role) => Authorization.FirstOrDefault(f => f.Matches(key, role, null));

    private const string Membership =
        "Lead — a network's members (people who booked, bought, registered or were welcomed at one of its sites): members-only events, " +
        "members' profiles and listings, and what managers read about them (reports, ambassadors), shown to the members of their network only";

    private const string AuditLog = "Lead — issue 20 #1: the audit log shows a manager the entries of their networks only";

    public static readonly IReadOnlyList<Finding> Leaks =
    [
        new("*", null, LeakGroup.Membership, Membership),
        new("GET /gestion/journal", null, LeakGroup.Private, AuditLog),
    ];

    public static Finding? ForLeak(string key, LeakGroup group) => Leaks.FirstOrDefault(f => f.Matches(key, null, group));
}
