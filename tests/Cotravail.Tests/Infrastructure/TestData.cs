using Cotravail.Web.Data;
using Cotravail.Web.Features.Accounts;
using Cotravail.Web.Features.Sites;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Cotravail.Tests.Infrastructure;

/// <summary>Direct access to the test app's database, to arrange and to check what pages and API did.</summary>
public static class TestData
{
    public static async Task<T> WithDbAsync<T>(this TestApp app, Func<AppDbContext, Task<T>> work)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    public static async Task WithScopeAsync(this TestApp app, Func<IServiceProvider, Task> work)
    {
        await using var scope = app.Services.CreateAsyncScope();
        await work(scope.ServiceProvider);
    }

    public static Task<Site> SiteAsync(this TestApp app, string slug) =>
        app.WithDbAsync(db => db.Sites.AsNoTracking().Include(s => s.Resources).Include(s => s.OpeningHours)
            .Include(s => s.Closures).SingleAsync(s => s.Slug == slug));

    /// <summary>Creates a confirmed account with the demo password and the given role.</summary>
    public static async Task<AppUser> CreateUserAsync(this TestApp app, string email, string role = Roles.Member)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = new AppUser { UserName = email, Email = email, EmailConfirmed = true, FirstName = "Test", LastName = email.Split('@')[0] };
        var result = await users.CreateAsync(user, TestApp.DemoPassword);
        Assert.True(result.Succeeded, string.Join(" ", result.Errors.Select(e => e.Description)));
        await users.AddToRoleAsync(user, role);
        return user;
    }

    /// <summary>A second network « Causse » with one site and its own manager, to check that networks stay apart.</summary>
    public static async Task<(Network Network, Site Site, AppUser Manager)> CreateOtherNetworkAsync(this TestApp app)
    {
        var manager = await app.CreateUserAsync("gestion@causse.test", Roles.Manager);
        return await app.WithDbAsync(async db =>
        {
            var network = new Network { Name = "Causse", Slug = "causse", LegalName = "Communauté de communes du Causse" };
            var site = new Site { Name = "Tiers-lieu de Lalbenque", Slug = "lalbenque", Commune = "Lalbenque", Postcode = "46230", Address = "1 place", DayPriceCents = 1200 };
            site.Resources.Add(new Resource { Kind = ResourceKind.DeskPool, Name = "Espace partagé", Capacity = 5 });
            network.Sites.Add(site);
            db.Networks.Add(network);
            await db.SaveChangesAsync();
            db.NetworkManagers.Add(new NetworkManager { NetworkId = network.Id, UserId = manager.Id });
            await db.SaveChangesAsync();
            return (network, site, manager);
        });
    }
}
