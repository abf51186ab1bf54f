using System.Security.Cryptography;
using Cotravail.Web.Features.Accounts;
using Cotravail.Web.Features.Sites;
using Cotravail.Web.Features.Surveys;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Web.Data;

/// <summary>
/// The demo network « Vallée du Lot et du Vignoble »: three sites and three accounts. Safe to run at every start:
/// what exists is kept; the demo accounts get the password of <c>Demo:Password</c> (or a fresh random one).
/// </summary>
public sealed class DemoData(
    AppDbContext db, UserManager<AppUser> users, RoleManager<IdentityRole> roles,
    IConfiguration config, DemoLogins logins, TimeProvider clock, SurveyDemo surveys,
    Features.Entrepreneurs.EntrepreneursDemo networkDemo, Features.Newcomers.NewcomersDemo newcomers, DemoActivity activity)
{
    public const string NetworkSlug = "vallee-du-lot-et-du-vignoble";

    public async Task SeedAsync(CancellationToken ct = default)
    {
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                await roles.CreateAsync(new IdentityRole(role));
            }
        }
        var network = await db.Networks.Include(n => n.Sites).FirstOrDefaultAsync(n => n.Slug == NetworkSlug, ct);
        if (network is null)
        {
            network = DemoNetwork.Build();
            db.Networks.Add(network);
            await db.SaveChangesAsync(ct);
        }

        var password = config["Demo:Password"];
        logins.Generated = string.IsNullOrEmpty(password);
        logins.Password = logins.Generated ? RandomPassword() : password;

        var manager = await EnsureUserAsync("gestion@cotravail.test", "Claire", "Delmas", "46140", Roles.Manager, ct);
        var host = await EnsureUserAsync("accueil@cotravail.test", "Julien", "Lafon", "46220", Roles.Host, ct);
        var member = await EnsureUserAsync("membre@cotravail.test", "Sophie", "Martin", "46140", Roles.Member, ct);

        if (!await db.NetworkManagers.AnyAsync(m => m.NetworkId == network.Id && m.UserId == manager.Id, ct))
        {
            db.NetworkManagers.Add(new NetworkManager { NetworkId = network.Id, UserId = manager.Id });
        }
        foreach (var slug in new[] { "luzech", "prayssac" })
        {
            var site = network.Sites.FirstOrDefault(s => s.Slug == slug);
            if (site is not null && !await db.SiteHosts.AnyAsync(h => h.SiteId == site.Id && h.UserId == host.Id, ct))
            {
                db.SiteHosts.Add(new SiteHost { SiteId = site.Id, UserId = host.Id });
            }
        }
        await db.SaveChangesAsync(ct);
        await Features.Billing.Products.ProductPrices.SeedDemoAsync(db, network.Id, ct);
        await DemoPhotos.SeedAsync(db, clock, network, ct);
        await surveys.SeedAsync(network, ct);
        await networkDemo.SeedAsync(ct);
        await newcomers.SeedAsync(network, member, ct);
        if (config.GetValue("Demo:Activity", true))
        {
            await activity.SeedAsync(network, host.Id, ct);
        }
        await JoinDemoPeopleAsync(network.Id, member.Id, config.GetValue("Demo:Activity", true), ct);
    }

    /// <summary>
    /// The demo's people belong to its network (ADR 0025): the demo member, the directory's demo entrepreneurs, and
    /// whoever the generated activity shows booking or coming.
    /// </summary>
    private async Task JoinDemoPeopleAsync(int networkId, string memberId, bool activity, CancellationToken ct)
    {
        var since = clock.GetUtcNow().UtcDateTime;
        var people = await db.Users.Where(u => u.Id == memberId || u.Email!.EndsWith("@" + Features.Entrepreneurs.EntrepreneursDemo.Domain))
            .Select(u => u.Id).ToListAsync(ct);
        var known = await db.Set<NetworkMember>().Where(m => m.NetworkId == networkId && people.Contains(m.UserId)).Select(m => m.UserId).ToListAsync(ct);
        db.Set<NetworkMember>().AddRange(people.Except(known).Select(id => new NetworkMember { UserId = id, NetworkId = networkId, SinceUtc = since }));
        await db.SaveChangesAsync(ct);
        foreach (var statement in activity ? NetworkMembersBackfill.Statements : [])
        {
            await db.Database.ExecuteSqlRawAsync(statement, ct);
        }
    }

    private async Task<AppUser> EnsureUserAsync(string email, string first, string last, string postcode, string role, CancellationToken ct)
    {
        var user = await users.FindByEmailAsync(email);
        if (user is null)
        {
            user = new AppUser
            {
                UserName = email, Email = email, EmailConfirmed = true,
                FirstName = first, LastName = last, Postcode = postcode,
                Commune = DemoPeople.Commune(postcode, 1)?.Name, CommuneInsee = DemoPeople.Commune(postcode, 1)?.Insee,
                CreatedAtUtc = clock.GetUtcNow().UtcDateTime,
            };
            Check(await users.CreateAsync(user, logins.Password!), email);
        }
        else if (!await users.CheckPasswordAsync(user, logins.Password!))
        {
            // Only a new password is set: setting the same one again would end the demo accounts' sessions at every start.
            var token = await users.GeneratePasswordResetTokenAsync(user);
            Check(await users.ResetPasswordAsync(user, token, logins.Password!), email);
        }
        if (!await users.IsInRoleAsync(user, role))
        {
            Check(await users.AddToRoleAsync(user, role), email);
        }
        ct.ThrowIfCancellationRequested();
        return user;
    }

    private static void Check(IdentityResult result, string email)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(
                $"Demo account {email}: {string.Join(" ", result.Errors.Select(e => e.Description))}");
        }
    }

    /// <summary>16 characters from an alphabet without look-alikes (no 0/O, 1/l/I).</summary>
    private static string RandomPassword()
    {
        const string alphabet = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        return RandomNumberGenerator.GetString(alphabet, 16);
    }
}
