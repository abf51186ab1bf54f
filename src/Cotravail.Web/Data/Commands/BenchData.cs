using Cotravail.Web.Features.Accounts;
using Cotravail.Web.Features.Sites;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Web.Data.Commands;

/// <summary>
/// A load-test network « Banc d'essai »: one site open every day with a desk pool large enough never to fill,
/// a meeting room, and members bench-0 … bench-(N-1)@cotravail.test. Run on an empty database only.
/// </summary>
internal static class BenchData
{
    public static async Task<(int SiteId, int DeskPoolId)> SeedAsync(IServiceProvider services, int userCount, string password)
    {
        var db = services.GetRequiredService<AppDbContext>();
        var users = services.GetRequiredService<UserManager<AppUser>>();
        var roles = services.GetRequiredService<RoleManager<IdentityRole>>();
        if (!await roles.RoleExistsAsync(Roles.Member))
        {
            await roles.CreateAsync(new IdentityRole(Roles.Member));
        }
        var network = await db.Networks.Include(n => n.Sites).ThenInclude(s => s.Resources).FirstOrDefaultAsync(n => n.Slug == "banc-d-essai");
        if (network is null)
        {
            network = new Network { Name = "Banc d'essai", Slug = "banc-d-essai", LegalName = "Banc d'essai", LegalAddress = "46000 Cahors" };
            var site = new Site
            {
                Name = "Banc d'essai", Slug = "banc-d-essai", Commune = "Cahors", Postcode = "46000", Address = "1 place du Banc",
                ClosedOnPublicHolidays = false, BookingHorizonDays = 365,
            };
            site.Resources.Add(new Resource { Kind = ResourceKind.DeskPool, Name = "Grand plateau", Capacity = 100_000 });
            site.Resources.Add(new Resource { Kind = ResourceKind.MeetingRoom, Name = "Salle", Capacity = 10, SortOrder = 1 });
            foreach (var day in Enum.GetValues<DayOfWeek>())
            {
                site.OpeningHours.Add(new OpeningHours { Day = day, Opens = new(8, 0), Closes = new(22, 0) });
            }
            network.Sites.Add(site);
            db.Networks.Add(network);
            await db.SaveChangesAsync();
        }
        for (var i = 0; i < userCount; i++)
        {
            var email = $"bench-{i}@cotravail.test";
            if (await users.FindByEmailAsync(email) is not null)
            {
                continue;
            }
            var user = new AppUser { UserName = email, Email = email, EmailConfirmed = true, FirstName = "Banc", LastName = $"{i}", Postcode = "46000" };
            var result = await users.CreateAsync(user, password);
            if (!result.Succeeded)
            {
                throw new InvalidOperationException(string.Join(" ", result.Errors.Select(e => e.Description)));
            }
            await users.AddToRoleAsync(user, Roles.Member);
        }
        var benchSite = network.Sites.Single();
        return (benchSite.Id, benchSite.Resources.Single(r => r.Kind == ResourceKind.DeskPool).Id);
    }
}
