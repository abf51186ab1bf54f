using Cotravail.Web.Common.PersonalData;
using System.Net;
using System.Text.Json;
using Cotravail.Tests.Entrepreneurs;
using Cotravail.Tests.Infrastructure;
using Cotravail.Tests.Newcomers;
using Cotravail.Web.Features.Entrepreneurs;
using Cotravail.Web.Features.Newcomers;
using Cotravail.Web.Features.Privacy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Cotravail.Tests.Privacy;

/// <summary>The demo member Sophie Martin: a directory profile, a listing, a conversation, a testimony, an ambassador record and a request.</summary>
public sealed class EntrepreneursAndNewcomersDataTests
{
    private const string Listing = "Relecture palimpseste de mémoires";
    private const string OtherEmail = "couvreur.prive@exemple.fr";
    private const string OtherProfile = "Toitures du Lot";
    private const string Testimony = "Je suis arrivée de Toulouse pour télétravailler au calme.";

    private static readonly Dictionary<string, string?> Settings = new(PrivacySteps.NoWorkers) { ["Network:Digest"] = "false" };

    private sealed record Arranged(string UserId, int ProfileId, int ListingId, int ConversationId, int IntroductionId, int OwnRequestId, string OtherName);

    private static async Task<Arranged> ArrangeAsync(TestApp app)
    {
        var userId = await app.UserIdAsync(TestApp.MemberEmail);
        var profileId = await app.WithDbAsync(db => db.Profiles().Where(p => p.OwnerUserId == userId).Select(p => p.Id).SingleAsync());
        await app.WithDbAsync(db => db.Profiles().Where(p => p.Id == profileId).ExecuteUpdateAsync(s => s
            .SetProperty(p => p.Visibility, Visibility.Public)));
        await app.WithDbAsync(db => db.Users.Where(u => u.Id == userId).ExecuteUpdateAsync(s => s.SetProperty(u => u.WantsDigest, true)));
        var listingId = await app.ListingAsync(profileId, Listing);

        // Another member writes to her through the relay; she answers.
        var (other, otherProfile) = await app.MemberWithProfileAsync(OtherEmail, OtherProfile, Visibility.Public);
        var writer = app.Browser();
        await writer.SignInAsync(OtherEmail);
        var sent = await writer.SubmitFormAsync($"/messages/nouveau?fiche={profileId}",
            new Dictionary<string, string> { ["Input.Subject"] = "Un chantier", ["Input.Body"] = "Bonjour Sophie, un devis ?" });
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        var conversationId = await app.WithDbAsync(db => db.Conversations().Where(c => c.StarterUserId == other.Id).Select(c => c.Id).SingleAsync());
        var sophie = app.Browser();
        await sophie.SignInAsync(TestApp.MemberEmail);
        Assert.Equal(HttpStatusCode.Redirect, (await sophie.SubmitFormAsync($"/messages/{conversationId}",
            new Dictionary<string, string> { ["Input.Body"] = "Volontiers, écrivez-moi le détail." }, "form.form:not([action])")).StatusCode);
        await app.WithDbAsync(async db =>
        {
            var now = app.Clock.GetUtcNow().UtcDateTime;
            db.Blocks().Add(new Block { BlockerUserId = userId, BlockedUserId = other.Id, CreatedAtUtc = now });
            db.Reports().Add(new Report { ReporterUserId = userId, ProfileId = otherProfile.Id, Reason = "Texte douteux.", CreatedAtUtc = now });
            db.DigestSends().Add(new DigestSend { UserId = userId, WeekStart = new DateOnly(2026, 11, 23), ClaimedAtUtc = now, SentAtUtc = now });
            return await db.SaveChangesAsync();
        });

        // A newcomer is put in touch with her as an ambassador and writes; she also sent a request herself with her address.
        Assert.Equal(HttpStatusCode.Redirect, (await app.Browser().SubmitFormAsync("/venir/demande", RequestFormTests.Valid())).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect,
            (await app.Browser().SubmitFormAsync("/venir/demande", RequestFormTests.Valid("Sophie Martin", "Membre@Cotravail.test"))).StatusCode);
        var requestId = await app.WithDbAsync(db => db.Set<NewcomerRequest>().Where(r => r.Name == "Léa Fabre").Select(r => r.Id).SingleAsync());
        var ownRequestId = await app.WithDbAsync(db => db.Set<NewcomerRequest>().Where(r => r.Name == "Sophie Martin").Select(r => r.Id).SingleAsync());
        var ambassadorId = await app.WithDbAsync(db => db.Set<Ambassador>().Where(a => a.UserId == userId).Select(a => a.Id).SingleAsync());
        var manager = app.Browser();
        await manager.SignInAsync(TestApp.ManagerEmail);
        Assert.Equal(HttpStatusCode.Redirect, (await manager.SubmitFormAsync($"/gestion/nouveaux-arrivants/{requestId}",
            new Dictionary<string, string> { ["ambassadorId"] = $"{ambassadorId}" }, formSelector: "form[action*=Introduce]")).StatusCode);
        var introductionId = await app.WithDbAsync(db => db.Set<Introduction>().Where(i => i.RequestId == requestId).Select(i => i.Id).SingleAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await sophie.SubmitFormAsync($"/venir/echanges/{introductionId}",
            new Dictionary<string, string> { ["Input.Body"] = "Bienvenue, passez au tiers-lieu." })).StatusCode);
        return new Arranged(userId, profileId, listingId, conversationId, introductionId, ownRequestId, $"{other.FirstName} {other.LastName}");
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task My_export_holds_my_profile_listing_conversation_testimony_and_request_and_of_the_other_person_only_their_name(string provider)
    {
        await using var app = await TestApp.StartAsync(provider, Settings);
        var a = await ArrangeAsync(app);
        var member = await app.ApiClientAsync(TestApp.MemberEmail);

        var json = await member.GetStringAsync(new Uri("/api/v1/me/data", UriKind.Relative));
        var data = JsonDocument.Parse(json).RootElement.GetProperty("donnees");

        var profile = Assert.Single(data.GetProperty("reseau-fiche").EnumerateArray());
        Assert.Equal("Sophie Martin, rédactrice", profile.GetProperty("nom").GetString());
        Assert.False(profile.GetProperty("aPhoto").GetBoolean());
        // The digest is chosen on the account (ADR 0047): exported with it.
        Assert.True(Assert.Single(data.GetProperty("compte").EnumerateArray()).GetProperty("recoitLeResumeHebdomadaire").GetBoolean());
        Assert.Contains(data.GetProperty("reseau-annonces").EnumerateArray(), l => l.GetProperty("titre").GetString() == Listing);
        var conversation = Assert.Single(data.GetProperty("reseau-conversations").EnumerateArray());
        Assert.Equal((a.ConversationId, a.OtherName, false), (conversation.GetProperty("id").GetInt32(), conversation.GetProperty("avec").GetString(),
            conversation.GetProperty("commenceeParVous").GetBoolean()));
        var messages = data.GetProperty("reseau-messages").EnumerateArray().ToList();
        Assert.Equal(new[] { "Bonjour Sophie, un devis ?", "Volontiers, écrivez-moi le détail." }, messages.Select(m => m.GetProperty("texte").GetString()));
        Assert.Equal(a.OtherName, messages[0].GetProperty("de").GetString());
        Assert.Equal(a.OtherName, Assert.Single(data.GetProperty("reseau-blocages").EnumerateArray()).GetProperty("membre").GetString());
        var report = Assert.Single(data.GetProperty("reseau-signalements").EnumerateArray());
        Assert.Equal(("Texte douteux.", a.OtherName), (report.GetProperty("motif").GetString(), report.GetProperty("membre").GetString()));
        Assert.Single(data.GetProperty("reseau-lettre").EnumerateArray());

        Assert.StartsWith(Testimony, Assert.Single(data.GetProperty("temoignages").EnumerateArray()).GetProperty("texte").GetString(), StringComparison.Ordinal);
        Assert.True(Assert.Single(data.GetProperty("ambassadeur").EnumerateArray()).GetProperty("actif").GetBoolean());
        Assert.Equal("Léa Fabre", Assert.Single(data.GetProperty("echanges-nouveaux-arrivants").EnumerateArray()).GetProperty("avec").GetString());
        Assert.Equal("Bienvenue, passez au tiers-lieu.", Assert.Single(data.GetProperty("messages-nouveaux-arrivants").EnumerateArray()).GetProperty("texte").GetString());
        var request = Assert.Single(data.GetProperty("demandes-installation").EnumerateArray());
        Assert.Equal(a.OwnRequestId, request.GetProperty("id").GetInt32());

        // Of the other people, their name only: never their address, nor the newcomer's, nor the other member's profile.
        Assert.DoesNotContain(OtherEmail, json, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("lea.fabre@exemple.fr", json, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(OtherProfile, json, StringComparison.Ordinal);
        Assert.DoesNotContain("Je télétravaille pour une agence lyonnaise", json.Replace(request.GetRawText(), "", StringComparison.Ordinal), StringComparison.Ordinal);

        // The page « Mes données » lists the new tables.
        var browser = app.Browser();
        await browser.SignInAsync(TestApp.MemberEmail);
        var page = (await browser.GetDocumentAsync("/mes-donnees")).Body!.TextContent;
        Assert.Contains("Conversations du réseau", page, StringComparison.Ordinal);
        Assert.Contains("Échanges avec des nouveaux arrivants", page, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task After_deleting_my_account_the_directory_the_board_the_api_and_the_welcome_page_no_longer_show_me_and_nothing_of_mine_remains(string provider)
    {
        await using var app = await TestApp.StartAsync(provider, Settings);
        var a = await ArrangeAsync(app);
        var visitor = app.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await visitor.GetAsync(new Uri($"/annuaire/{a.ProfileId}", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await visitor.GetAsync(new Uri($"/annonces/{a.ListingId}", UriKind.Relative))).StatusCode);
        Assert.Contains("rédactrice", await visitor.GetStringAsync(new Uri("/api/v1/directory?q=redactrice", UriKind.Relative)), StringComparison.Ordinal);
        Assert.Contains(Listing, await visitor.GetStringAsync(new Uri("/api/v1/listings?q=palimpseste", UriKind.Relative)), StringComparison.Ordinal);
        Assert.Contains(Testimony, (await visitor.GetDocumentAsync("/venir")).Body!.TextContent, StringComparison.Ordinal);
        var requestsBefore = await app.WithDbAsync(db => db.Set<NewcomerRequest>().CountAsync());

        var browser = app.Browser();
        await browser.SignInAsync(TestApp.MemberEmail);
        var deleted = await browser.SubmitFormAsync("/mes-donnees/supprimer",
            new Dictionary<string, string> { ["Input.Password"] = TestApp.DemoPassword, ["Input.Confirm"] = "true" });
        Assert.Equal("/compte-supprime", deleted.Headers.Location?.OriginalString);

        await visitor.GetDocumentAsync($"/annuaire/{a.ProfileId}", HttpStatusCode.NotFound);
        await visitor.GetDocumentAsync($"/annonces/{a.ListingId}", HttpStatusCode.NotFound);
        Assert.DoesNotContain("rédactrice", await visitor.GetStringAsync(new Uri("/api/v1/directory?q=redactrice", UriKind.Relative)), StringComparison.Ordinal);
        Assert.DoesNotContain(Listing, await visitor.GetStringAsync(new Uri("/api/v1/listings?q=palimpseste", UriKind.Relative)), StringComparison.Ordinal);
        Assert.DoesNotContain(Listing, (await visitor.GetDocumentAsync("/annonces")).Body!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("Sophie Martin", (await visitor.GetDocumentAsync("/annuaire")).Body!.TextContent, StringComparison.Ordinal);
        var welcome = (await visitor.GetDocumentAsync("/venir")).Body!.TextContent;
        Assert.DoesNotContain(Testimony, welcome, StringComparison.Ordinal);
        Assert.DoesNotContain("Sophie M.", welcome, StringComparison.Ordinal);
        // The other member's conversation went with it.
        var other = app.Browser();
        await other.SignInAsync(OtherEmail);
        await other.GetDocumentAsync($"/messages/{a.ConversationId}", HttpStatusCode.NotFound);

        await AssertNothingLeftAsync(app, a, requestsBefore);
        // Run again, as a deletion cut short would be: nothing fails, nothing changes.
        await using (var scope = app.Services.CreateAsyncScope())
        {
            foreach (var feature in scope.ServiceProvider.GetServices<IPersonalData>()
                         .Where(f => f.GetType().Name is "EntrepreneursPersonalData" or "NewcomersPersonalData"))
            {
                await feature.AnonymiseAsync(new PersonalDataSubject(a.UserId, TestApp.MemberEmail), CancellationToken.None);
            }
        }
        await AssertNothingLeftAsync(app, a, requestsBefore);
    }

    private static async Task AssertNothingLeftAsync(TestApp app, Arranged a, int requestsBefore)
    {
        var me = a.UserId;
        Assert.Equal(0, await app.WithDbAsync(db => db.Profiles().CountAsync(p => p.OwnerUserId == me)));
        Assert.Equal(0, await app.WithDbAsync(db => db.ProfilePhotos().CountAsync(p => p.ProfileId == a.ProfileId)));
        Assert.Equal(0, await app.WithDbAsync(db => db.Listings().CountAsync(l => l.ProfileId == a.ProfileId)));
        Assert.Equal(0, await app.WithDbAsync(db => db.Conversations().CountAsync(c => c.StarterUserId == me || c.RecipientUserId == me)));
        Assert.Equal(0, await app.WithDbAsync(db => db.ConversationMessages().CountAsync(m => m.SenderUserId == me || m.ConversationId == a.ConversationId)));
        Assert.Equal(0, await app.WithDbAsync(db => db.Blocks().CountAsync(b => b.BlockerUserId == me || b.BlockedUserId == me)));
        Assert.Equal(0, await app.WithDbAsync(db => db.Reports().CountAsync(r => r.ReporterUserId == me)));
        Assert.Equal(0, await app.WithDbAsync(db => db.DigestSends().CountAsync(d => d.UserId == me)));
        Assert.Equal(0, await app.WithDbAsync(db => db.Set<Testimony>().CountAsync(t => t.UserId == me)));
        Assert.Equal(0, await app.WithDbAsync(db => db.Set<Ambassador>().CountAsync(x => x.UserId == me)));
        Assert.Equal(0, await app.WithDbAsync(db => db.Set<Introduction>().CountAsync(i => i.Id == a.IntroductionId)));
        Assert.Equal(0, await app.WithDbAsync(db => db.Set<RelayMessage>().CountAsync(m => m.IntroductionId == a.IntroductionId)));
        // Her own request stays counted (month, origin), without her name, address or message.
        Assert.Equal(requestsBefore, await app.WithDbAsync(db => db.Set<NewcomerRequest>().CountAsync()));
        var request = await app.WithDbAsync(db => db.Set<NewcomerRequest>().Include(r => r.History).SingleAsync(r => r.Id == a.OwnRequestId));
        Assert.Equal("Demande anonymisée", request.Name);
        Assert.Equal(new string?[] { null, null, null, null }, new[] { request.Email, request.Phone, request.Message, request.OriginPostcode });
        Assert.Empty(request.History);
        Assert.Equal("69", request.Department);
        Assert.Equal(0, await app.WithDbAsync(db => db.Set<NewcomerRequest>().CountAsync(r => r.Email != null && r.Email.ToLower() == TestApp.MemberEmail)));
        // The history of the request she was put in touch with no longer names her.
        var names = await app.WithDbAsync(db => db.Set<RequestEntry>().Select(e => e.Text + " " + e.ByName).ToListAsync());
        Assert.DoesNotContain(names, t => t.Contains("Sophie Martin", StringComparison.Ordinal));
    }
}
