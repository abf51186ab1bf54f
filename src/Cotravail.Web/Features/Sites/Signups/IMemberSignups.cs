namespace Cotravail.Web.Features.Sites.Signups;

/// <summary>
/// What a member signed up for at the sites in a feature that « Mes inscriptions » (Events) may not use: volunteering
/// (Community). Events lists every registered one beside its own registrations and knows none of them (as
/// <see cref="ISiteSaved"/>).
/// </summary>
public interface IMemberSignups
{
    /// <summary>The member's sign-ups, past and to come (at most a few hundred); only those of <paramref name="userId"/>.</summary>
    Task<IReadOnlyList<MemberSignup>> ListAsync(string userId, CancellationToken ct);

    /// <summary>
    /// Withdraws the member from the sign-up <paramref name="id"/> of this <paramref name="kind"/>, when it is theirs and
    /// still to come. Null when this source does not know the kind (another source answers).
    /// </summary>
    Task<SignupWithdrawal?> WithdrawAsync(string userId, string kind, int id, CancellationToken ct);
}

public enum SignupWithdrawal
{
    Withdrawn,
    /// <summary>Not theirs, unknown, or already withdrawn: nothing changed.</summary>
    NotFound,
    /// <summary>Already past: nothing changed.</summary>
    Past,
}
