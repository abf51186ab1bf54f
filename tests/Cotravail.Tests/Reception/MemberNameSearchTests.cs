using Cotravail.Tests.Infrastructure;
using Cotravail.Web.Features.Accounts;
using Cotravail.Web.Features.Reception;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Cotravail.Tests.Reception;

/// <summary>The desk finds the network's members by a normalised name kept on the account, searched in the database.</summary>
public sealed class MemberNameSearchTests
{
    private static async Task<List<string>> SearchAsync(TestApp app, string text)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var luzech = await app.SiteAsync("luzech");
        var found = await scope.ServiceProvider.GetRequiredService<ReceptionPeople>().SearchAsync(luzech, text, CancellationToken.None);
        return [.. found.Select(p => p.Name)];
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_member_never_seen_at_the_desk_is_found_without_accents_or_case_and_under_a_new_name(string provider)
    {
        await using var app = await ReceptionSteps.StartAsync(provider);
        var user = await app.CreateUserAsync("helene@exemple.fr");
        await app.BookDeskTodayAsync(await app.ApiClientAsync(user.Email!), site: "prayssac"); // a member of the network, never seen at a desk
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var helene = (await users.FindByIdAsync(user.Id))!;
            helene.FirstName = "Hélène";
            helene.LastName = "Dupré-Lafon";
            Assert.True((await users.UpdateAsync(helene)).Succeeded);
        }

        Assert.Equal("helene dupre lafon", await app.WithDbAsync(db => db.Users.Where(u => u.Id == user.Id).Select(u => u.NameKey).SingleAsync()));
        Assert.Equal(["Hélène Dupré-Lafon"], await SearchAsync(app, "DUPRE"));
        Assert.Equal(["Hélène Dupré-Lafon"], await SearchAsync(app, "hélène dupré"));
        Assert.Equal(["Hélène Dupré-Lafon"], await SearchAsync(app, "pre laf"));
        Assert.Empty(await SearchAsync(app, "dupont"));

        await using (var scope = app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var helene = (await users.FindByIdAsync(user.Id))!;
            helene.LastName = "Œuvrard";
            Assert.True((await users.UpdateAsync(helene)).Succeeded);
        }
        Assert.Empty(await SearchAsync(app, "dupre"));
        Assert.Equal(["Hélène Œuvrard"], await SearchAsync(app, "oeuvrard"));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Accounts_saved_before_the_key_existed_get_it_at_start(string provider)
    {
        await using var app = await ReceptionSteps.StartAsync(provider);
        await app.BookDeskTodayAsync(await app.ApiClientAsync(TestApp.MemberEmail));
        // As after the migration that added the column: every key empty.
        await app.WithDbAsync(db => db.Users.ExecuteUpdateAsync(s => s.SetProperty(u => u.NameKey, "")));
        Assert.Empty(await SearchAsync(app, "sophie"));

        var named = await app.WithDbAsync(db => db.Users.CountAsync(u => u.FirstName != "" || u.LastName != ""));
        var filled = await app.WithDbAsync(db => UserNameKeys.BackfillAsync(db, CancellationToken.None));

        Assert.True(named >= 3, $"{named} named accounts in the demo");
        Assert.Equal(named, filled);
        Assert.Equal(["Sophie Martin"], await SearchAsync(app, "sophie"));
        Assert.Equal(0, await app.WithDbAsync(db => UserNameKeys.BackfillAsync(db, CancellationToken.None)));
    }
}
