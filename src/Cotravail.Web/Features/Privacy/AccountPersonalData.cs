using Cotravail.Web.Common.PersonalData;
using Cotravail.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Web.Features.Privacy;

/// <summary>The account itself: identity, roles, dates. The account is replaced by a tombstone by <see cref="AccountEraser"/>.</summary>
internal sealed class AccountPersonalData(AppDbContext db) : IPersonalData
{
    public async Task<IReadOnlyList<PersonalDataSet>> ExportAsync(PersonalDataSubject subject, CancellationToken ct)
    {
        var user = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == subject.UserId, ct);
        if (user is null)
        {
            return [];
        }
        var roles = await db.UserRoles.Where(r => r.UserId == subject.UserId)
            .Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => r.Name!).ToListAsync(ct);
        var activity = await db.AccountActivities.AsNoTracking().FirstOrDefaultAsync(a => a.UserId == subject.UserId, ct);
        return
        [
            PersonalDataSet.Of("compte", "Compte", [new AccountRow(user.Id, user.Email ?? "", user.EmailConfirmed, user.FirstName,
                user.LastName, user.Postcode, user.Commune, user.CommuneInsee, user.PhoneNumber, user.PreferredCulture, user.WantsReminders, user.WantsDigest, user.WantsNews,
                string.Join(", ", roles.Order(StringComparer.Ordinal)), user.TwoFactorEnabled, user.CreatedAtUtc, activity?.LastActivityUtc)]),
        ];
    }

    public Task AnonymiseAsync(PersonalDataSubject subject, CancellationToken ct) => Task.CompletedTask;

    private sealed record AccountRow(string Id, string Email, bool EmailConfirme, string Prenom, string Nom, string? CodePostal, string? Commune, string? CodeInseeCommune,
        string? Telephone, string? Langue, bool RecoitLesRappels, bool RecoitLeResumeHebdomadaire, bool RecoitLesNouvellesDuReseau, string Roles, bool DoubleAuthentification, DateTime CreeLeUtc, DateTime? DerniereActiviteUtc);
}
