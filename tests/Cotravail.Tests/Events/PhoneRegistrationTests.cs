using System.Net;
using Cotravail.Tests.Infrastructure;
using Cotravail.Web.Features.Events;
using Cotravail.Web.Features.Events.Manage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Cotravail.Tests.Events;

/// <summary>A host registers a person who phones, with the same places as online.</summary>
public sealed class PhoneRegistrationTests
{
    private static readonly Dictionary<string, string?> NoWorker = new() { ["Events:Reminders"] = "false" };

    private static Dictionary<string, string> Caller(string name, string email = "", string phone = "") => new()
    {
        ["Caller.Name"] = name, ["Caller.Email"] = email, ["Caller.Phone"] = phone, ["Caller.Postcode"] = "",
    };

    private static async Task<HttpClient> HostAsync(TestApp app)
    {
        var host = app.Browser();
        await host.SignInAsync(TestApp.HostEmail);
        return host;
    }

    private static Task<HttpResponseMessage> PhoneAsync(HttpClient host, int id, Dictionary<string, string> fields) =>
        host.SubmitFormAsync($"/animation/{id}/participants", fields, formSelector: "#par-telephone");

    [Fact]
    public async Task A_caller_takes_the_last_place_the_next_goes_to_the_waitlist_and_a_phone_only_caller_is_to_be_called_back()
    {
        await using var app = await TestApp.StartAsync(settings: NoWorker);
        var id = await app.CreateEventAsync(capacity: 2);
        await (await app.NewMembersAsync(1))[0].PostJsonAsync($"/api/v1/events/{id}/registrations", new { });
        var host = await HostAsync(app);

        var first = await PhoneAsync(host, id, Caller("Martine Delpech", email: "Martine.Delpech@exemple.fr"));
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        var page = await host.GetDocumentAsync($"/animation/{id}/participants");
        Assert.Equal("Martine Delpech est inscrit·e. Un e-mail de confirmation est parti à martine.delpech@exemple.fr.", page.QuerySelector(".notice").Text());
        Assert.Single(app.Mails(), m => m.Subject == "Inscription confirmée : Atelier numérique" && m.To.Mailboxes.Single().Address == "martine.delpech@exemple.fr");

        var sent = app.Mails().Count;
        await PhoneAsync(host, id, Caller("Jean Bouyssou", phone: "05 65 12 34 56"));
        page = await host.GetDocumentAsync($"/animation/{id}/participants");
        Assert.Equal("L'événement est complet : Jean Bouyssou est en position 1 sur la liste d'attente. Sans adresse e-mail, cette personne ne recevra aucun message : rappelez-la au 05 65 12 34 56 pour le lui dire.",
            page.QuerySelector(".notice").Text());
        Assert.Contains("05 65 12 34 56", page.QuerySelector("#attente").Text(), StringComparison.Ordinal);
        Assert.Equal(sent, app.Mails().Count);

        var registrations = await app.RegistrationsAsync(id);
        Assert.Equal([RegistrationStatus.Confirmed, RegistrationStatus.Confirmed, RegistrationStatus.Waitlisted], registrations.Select(r => r.Status));
        Assert.Equal("05 65 12 34 56", registrations[2].Phone);
        Assert.Equal(2, (await app.EventAsync(id)).Registered);
    }

    [Fact]
    public async Task The_same_address_or_number_twice_and_a_caller_without_address_nor_number_are_refused()
    {
        await using var app = await TestApp.StartAsync(settings: NoWorker);
        var id = await app.CreateEventAsync(capacity: 5);
        var host = await HostAsync(app);
        await PhoneAsync(host, id, Caller("Martine Delpech", email: "martine@exemple.fr"));
        await PhoneAsync(host, id, Caller("Jean Bouyssou", phone: "05 65 12 34 56"));

        var again = await (await PhoneAsync(host, id, Caller("Martine D.", email: " MARTINE@exemple.fr"))).ParseAsync();
        Assert.Equal(PhoneRegistration.AlreadyRegistered, again.QuerySelector(".alert").Text());
        var sameNumber = await (await PhoneAsync(host, id, Caller("J. Bouyssou", phone: "05.65.12.34.56"))).ParseAsync();
        Assert.Equal(PhoneRegistration.AlreadyRegistered, sameNumber.QuerySelector(".alert").Text());
        var nothing = await (await PhoneAsync(host, id, Caller("Personne"))).ParseAsync();
        Assert.Equal("Indiquez une adresse e-mail ou un numéro de téléphone.", nothing.QuerySelector("#Caller_Email-error").Text());
        var badNumber = await (await PhoneAsync(host, id, Caller("Personne", phone: "appelez-moi"))).ParseAsync();
        Assert.Equal("Le numéro de téléphone doit compter de 6 à 15 chiffres, par exemple 05 65 12 34 56.", badNumber.QuerySelector("#Caller_Phone-error").Text());

        var empty = await PhoneAsync(host, id, []);
        Assert.Equal(HttpStatusCode.OK, empty.StatusCode);
        Assert.Equal("Le nom est obligatoire.", (await empty.ParseAsync()).QuerySelector("#Caller_Name-error").Text());

        Assert.Equal(2, (await app.RegistrationsAsync(id)).Count);
        Assert.Equal(2, (await app.EventAsync(id)).Registered);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Two_callers_at_once_for_the_last_place_one_gets_it_and_the_other_waits(string provider)
    {
        await using var app = await TestApp.StartAsync(provider, NoWorker);
        var id = await app.CreateEventAsync(capacity: 2);
        await (await app.NewMembersAsync(1))[0].PostJsonAsync($"/api/v1/events/{id}/registrations", new { });

        using var start = new ManualResetEventSlim();
        var calls = new[] { ("Martine Delpech", "05 65 00 00 01"), ("Jean Bouyssou", "05 65 00 00 02"), ("Jean Bouyssou", "05 65 00 00 02") }
            .Select(c => Task.Run(async () =>
            {
                await using var scope = app.Services.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<Cotravail.Web.Data.AppDbContext>();
                var e = await db.Events.AsNoTracking().Include(x => x.Site).SingleAsync(x => x.Id == id);
                start.Wait();
                return (await scope.ServiceProvider.GetRequiredService<PhoneRegistration>()
                    .RegisterAsync(e, new PhoneInput { Name = c.Item1, Phone = c.Item2 }, CancellationToken.None)).Outcome;
            })).ToList();
        await Task.Delay(200);
        start.Set();
        var outcomes = await Task.WhenAll(calls);

        Assert.Single(outcomes, o => o == RegisterOutcome.Registered);
        Assert.Single(outcomes, o => o == RegisterOutcome.Waitlisted);
        Assert.Single(outcomes, o => o == RegisterOutcome.AlreadyRegistered); // the same caller noted twice
        var registrations = await app.RegistrationsAsync(id);
        Assert.Equal(3, registrations.Count);
        Assert.Equal(2, registrations.Count(r => r.Status == RegistrationStatus.Confirmed));
        Assert.Equal(1, registrations.Single(r => r.Status == RegistrationStatus.Waitlisted).WaitlistPosition);
        Assert.Equal(2, (await app.EventAsync(id)).Registered);
    }

    [Fact]
    public async Task A_host_of_another_site_cannot_register_a_caller_there()
    {
        await using var app = await TestApp.StartAsync(settings: NoWorker);
        var id = await app.CreateEventAsync(site: "puy-l-eveque");
        var host = await HostAsync(app);

        var denied = await host.GetAsync(new Uri($"/animation/{id}/participants", UriKind.Relative));

        Assert.Contains("/compte/acces-refuse", denied.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Empty(await app.RegistrationsAsync(id));
    }
}
