using Cotravail.Tests.Events;
using Cotravail.Tests.Infrastructure;
using Cotravail.Web.Features.Events;
using Cotravail.Web.Features.Events.Ratings;
using Cotravail.Web.Features.Reception;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Tests.Privacy;

/// <summary>
/// What the records of processing promise: a visitor without an account is known three years after their last visit,
/// a registration three years after its event; then they stay counted without identity.
/// </summary>
public sealed class VisitorAndRegistrationRetentionTests
{
    private static readonly DateTime Now = TestApp.DefaultNow.UtcDateTime;

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_visitor_without_an_account_loses_name_address_and_postcode_three_years_after_the_last_visit(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var site = (await app.SiteAsync("luzech")).Id;
        var member = await app.WithDbAsync(db => db.Users.Where(u => u.Email == TestApp.MemberEmail).Select(u => u.Id).SingleAsync());
        var (once, regular, withAccount) = await app.WithDbAsync(async db =>
        {
            Visitor Person(string first, string? userId = null) => new()
            {
                FirstName = first, LastName = "Martin", SearchKey = first.ToUpperInvariant() + " MARTIN", Email = first.ToLowerInvariant() + "@exemple.fr",
                Postcode = "46140", UserId = userId, CreatedAtUtc = Now,
            };
            Visit At(Visitor v, DateTime at) => new()
            {
                SiteId = site, Visitor = v, UserId = v.UserId, Date = DateOnly.FromDateTime(at), ArrivedAtUtc = at, DepartedAtUtc = at.AddHours(4),
                Postcode = "46140", Kind = VisitKind.WalkIn, Pass = "Pass journée",
            };
            var visitors = new[] { Person("Paul"), Person("Rose"), Person("Anne", member) };
            db.Visits.AddRange(At(visitors[0], Now), At(visitors[1], Now), At(visitors[1], Now.AddYears(2)), At(visitors[2], Now));
            db.Visitors.Add(Person("Luc")); // registered at the desk, never came: counted from the record's creation
            await db.SaveChangesAsync();
            return (visitors[0].Id, visitors[1].Id, visitors[2].Id);
        });
        Task<int> RunAsync(DateTime at) => app.WithDbAsync(db => VisitorRetention.AnonymiseStaleAsync(db, at, CancellationToken.None));
        Task<Visitor> VisitorAsync(int id) => app.WithDbAsync(db => db.Visitors.AsNoTracking().SingleAsync(v => v.Id == id));

        Assert.Equal(0, await RunAsync(Now.AddYears(2)));
        Assert.Equal("Paul", (await VisitorAsync(once)).FirstName);

        Assert.Equal(2, await RunAsync(Now.AddYears(3).AddDays(30))); // Paul and Luc
        var gone = await VisitorAsync(once);
        Assert.Equal(("", "", "", null, null), (gone.FirstName, gone.LastName, gone.SearchKey, gone.Email, gone.Postcode));
        var visit = await app.WithDbAsync(db => db.Visits.AsNoTracking().SingleAsync(v => v.VisitorId == once));
        Assert.Equal("46140", visit.Postcode); // still counted by origin
        Assert.Equal("Rose", (await VisitorAsync(regular)).FirstName); // came back a year later
        Assert.Equal("Anne", (await VisitorAsync(withAccount)).FirstName); // follows the account's own rules
        Assert.Equal(0, await RunAsync(Now.AddYears(3).AddDays(30)));

        Assert.Equal(1, await RunAsync(Now.AddYears(5).AddDays(30)));
        Assert.Null((await VisitorAsync(regular)).Email);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_registration_loses_name_address_and_comment_three_years_after_its_event(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var past = await app.CreateEventAsync();
        var later = await app.CreateEventAsync(startUtc: EventSteps.DefaultStartUtc.AddYears(1), title: "Atelier de l'an prochain");
        var member = await app.WithDbAsync(db => db.Users.Where(u => u.Email == TestApp.MemberEmail).Select(u => u.Id).SingleAsync());
        var (first, second) = await app.WithDbAsync(async db =>
        {
            Registration For(int eventId) => new()
            {
                EventId = eventId, UserId = member, Name = "Claire Dupuis", Email = "claire.dupuis@exemple.fr", Postcode = "46700",
                Status = RegistrationStatus.Confirmed, CreatedAtUtc = Now, ConfirmedAtUtc = Now, Attended = true,
            };
            var registrations = new[] { For(past), For(later) };
            db.EventRegistrations.AddRange(registrations);
            await db.SaveChangesAsync();
            db.EventRatings.Add(new EventRating { RegistrationId = registrations[0].Id, EventId = past, Score = 5, Comment = "Merci Julien !", CreatedAtUtc = Now });
            await db.SaveChangesAsync();
            return (registrations[0].Id, registrations[1].Id);
        });
        Task<int> RunAsync(DateTime at) => app.WithDbAsync(db => RegistrationRetention.AnonymiseStaleAsync(db, at, CancellationToken.None));
        Task<Registration> RegistrationAsync(int id) => app.WithDbAsync(db => db.EventRegistrations.AsNoTracking().SingleAsync(r => r.Id == id));

        Assert.Equal(0, await RunAsync(EventSteps.DefaultStartUtc.AddYears(3).AddDays(-2)));
        Assert.Equal("Claire Dupuis", (await RegistrationAsync(first)).Name);

        Assert.Equal(1, await RunAsync(EventSteps.DefaultStartUtc.AddYears(3).AddDays(2)));
        var gone = await RegistrationAsync(first);
        Assert.Equal((null, "", $"anonyme-{first}@anonyme.invalid"), (gone.UserId, gone.Name, gone.Email));
        Assert.Equal(("46700", true), (gone.Postcode, gone.Attended)); // still counted
        var rating = await app.WithDbAsync(db => db.EventRatings.AsNoTracking().SingleAsync(r => r.RegistrationId == first));
        Assert.Equal((5, (string?)null), (rating.Score, rating.Comment));
        Assert.Equal("claire.dupuis@exemple.fr", (await RegistrationAsync(second)).Email); // its event is a year later
        Assert.Equal(0, await RunAsync(EventSteps.DefaultStartUtc.AddYears(3).AddDays(2)));
    }
}
