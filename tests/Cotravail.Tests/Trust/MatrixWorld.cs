using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Cotravail.Tests.Events;
using Cotravail.Tests.Infrastructure;
using Cotravail.Web.Data;
using Cotravail.Web.Features.Accounts;
using Cotravail.Web.Features.Billing;
using Cotravail.Web.Features.Billing.Entitlements;
using Cotravail.Web.Features.Billing.Companies;
using Cotravail.Web.Features.Billing.Products;
using Cotravail.Web.Features.Newcomers;
using Cotravail.Web.Features.Sites;
using Cotravail.Web.Features.Surveys;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NetworkConversation = Cotravail.Web.Features.Entrepreneurs.Conversation;
using NetworkMessage = Cotravail.Web.Features.Entrepreneurs.ConversationMessage;
using Listing = Cotravail.Web.Features.Entrepreneurs.Listing;
using ListingKind = Cotravail.Web.Features.Entrepreneurs.ListingKind;
using ListingCategory = Cotravail.Web.Features.Entrepreneurs.ListingCategory;
using Profile = Cotravail.Web.Features.Entrepreneurs.Profile;
using Visibility = Cotravail.Web.Features.Entrepreneurs.Visibility;

namespace Cotravail.Tests.Trust;

/// <summary>
/// The demo network plus what the matrix needs: a second member, a host of Puy-l'Évêque, a second manager of the network
/// without two-factor authentication, a second network (« Causse ») and its manager, and one thing of each kind
/// (booking, series, event, registration, visit, invoice, company…) belonging to the demo member or to the demo host's sites.
/// Route parameters are filled by name from <see cref="ResolveAsync"/>; a request that changes things (not a GET)
/// gets things of its own, so that cancelling or archiving one does not change the answer of another rule.
/// </summary>
public sealed class MatrixWorld : IAsyncDisposable
{
    public const string OtherMemberEmail = "autre-membre@cotravail.test";
    public const string OtherHostEmail = "accueil-puy@cotravail.test";
    public const string ManagerWithoutTwoFactorEmail = "gestion-sans-2fa@cotravail.test";

    private readonly Dictionary<Role, HttpClient> _clients = [];
    private readonly Dictionary<Role, string> _tokens = [];
    private readonly Dictionary<string, string> _shared = [];
    private int _sequence;

    public TestApp App { get; }
    public string MemberId { get; private set; } = "";
    public string OtherMemberId { get; private set; } = "";
    public string HostId { get; private set; } = "";
    public int NetworkId { get; private set; }
    public string OtherNetworkManagerEmail { get; private set; } = "";

    private MatrixWorld(TestApp app) => App = app;

    /// <summary>The world, where managers must use two-factor authentication (as in production) unless <paramref name="settings"/> say otherwise.</summary>
    public static async Task<MatrixWorld> StartAsync(IDictionary<string, string?>? settings = null)
    {
        var all = new Dictionary<string, string?> { ["Security:RequireTwoFactorForManagers"] = "true" };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            all[key] = value;
        }
        var world = new MatrixWorld(await TestApp.StartAsync(settings: all));
        await world.ArrangeAsync();
        return world;
    }

    private async Task ArrangeAsync()
    {
        var otherMember = await App.CreateUserAsync(OtherMemberEmail);
        var otherHost = await App.CreateUserAsync(OtherHostEmail, Roles.Host);
        var unverifiedManager = await App.CreateUserAsync(ManagerWithoutTwoFactorEmail, Roles.Manager);
        var (_, _, otherNetworkManager) = await App.CreateOtherNetworkAsync();
        OtherNetworkManagerEmail = otherNetworkManager.Email!;
        OtherMemberId = otherMember.Id;
        (MemberId, HostId, NetworkId) = await App.WithDbAsync(async db => (
            await db.Users.Where(u => u.Email == TestApp.MemberEmail).Select(u => u.Id).SingleAsync(),
            await db.Users.Where(u => u.Email == TestApp.HostEmail).Select(u => u.Id).SingleAsync(),
            await db.Networks.Where(n => n.Slug == DemoData.NetworkSlug).Select(n => n.Id).SingleAsync()));
        // The other member belongs to the demo network too (ADR 0025): its members-only things are theirs to read.
        await JoinAsync(OtherMemberId);
        await App.WithDbAsync(async db =>
        {
            var puy = await db.Sites.SingleAsync(s => s.Slug == "puy-l-eveque");
            db.SiteHosts.Add(new SiteHost { SiteId = puy.Id, UserId = otherHost.Id });
            db.NetworkManagers.Add(new NetworkManager { NetworkId = puy.NetworkId, UserId = unverifiedManager.Id });
            return await db.SaveChangesAsync();
        });
        await App.TurnTwoFactorOnAsync(TestApp.ManagerEmail);
        await App.TurnTwoFactorOnAsync(OtherNetworkManagerEmail);
        foreach (var role in Enum.GetValues<Role>())
        {
            await SignInAsync(role);
        }

        var luzech = await App.SiteAsync("luzech");
        _shared["site"] = luzech.Id.ToString(Inv);
        _shared["siteSlug"] = luzech.Slug;
        _shared["resource"] = luzech.Resources.First().Id.ToString(Inv);
        _shared["product"] = (await App.WithDbAsync(db => db.Set<Product>().Where(p => p.SiteId == luzech.Id).Select(p => p.Id).FirstAsync())).ToString(Inv);
        _shared["network"] = NetworkId.ToString(Inv);
        // A demo photo of Luzech, served to everyone in its smallest WebP copy.
        var photo = await App.WithDbAsync(db => db.Set<Cotravail.Web.Features.Sites.Photos.SitePhoto>()
            .Where(p => p.SiteId == luzech.Id).OrderBy(p => p.SortOrder).Select(p => new { p.Id, p.Version }).FirstAsync());
        _shared["photo"] = photo.Id.ToString(Inv);
        _shared["photoVersion"] = photo.Version;
        _shared["photoWidth"] = "320";
        _shared["photoFormat"] = "webp";
        // A published activity report of the demo network, served to everyone.
        _shared["publishedReport"] = (await App.WithDbAsync(async db =>
        {
            var report = new Cotravail.Web.Features.Observatory.Report.PublishedReport { NetworkId = NetworkId, From = new DateOnly(2026, 1, 1), To = new DateOnly(2026, 11, 30), Content = "%PDF-1.4"u8.ToArray(), PublishedAtUtc = App.Clock.GetUtcNow().UtcDateTime };
            db.Add(report);
            await db.SaveChangesAsync();
            return report.Id;
        })).ToString(Inv);
        var (survey, slug, question) = await App.WithDbAsync(async db =>
        {
            var s = await db.Set<Survey>().Include(x => x.Questions).OrderBy(x => x.Id).FirstAsync();
            return (s.Id, s.Slug, s.Questions.OrderBy(q => q.Id).First().Id);
        });
        _shared["survey"] = survey.ToString(Inv);
        _shared["surveySlug"] = slug;
        _shared["question"] = question.ToString(Inv);
        _shared["code"] = "404";
        _shared["documentName"] = "v1";
        _shared["journal"] = "ventes";
        _shared["none"] = "";
        var calendar = await Client(Role.Member).GetFromJsonAsync<JsonElement>("/api/v1/me/calendar");
        _shared["calendarToken"] = calendar.GetProperty("url").GetString()!.Split('/')[^1].Replace(".ics", "", StringComparison.Ordinal);
        _shared["closure"] = (await App.WithDbAsync(async db =>
        {
            var closure = new Closure { SiteId = luzech.Id, StartDate = new DateOnly(2027, 8, 1), EndDate = new DateOnly(2027, 8, 15), Reason = "Congés" };
            db.Set<Closure>().Add(closure);
            await db.SaveChangesAsync();
            return closure.Id;
        })).ToString(Inv);
        await ArrangeNetworkAsync();
        var shared = new Dictionary<string, string>(_shared);
        foreach (var kind in Fresh.Keys.Where(k => !_shared.ContainsKey(k)))
        {
            _shared[kind] = await ResolveAsync(kind, shared);
        }
    }

    private static readonly IFormatProvider Inv = System.Globalization.CultureInfo.InvariantCulture;

    public HttpClient Client(Role role) => _clients[role];

    public string AntiforgeryToken(Role role) => _tokens[role];

    /// <summary>Signs the role in again (after a request that signed it out).</summary>
    public async Task SignInAsync(Role role)
    {
        var client = App.Browser();
        var email = role switch
        {
            Role.Anonymous => null,
            Role.Member => TestApp.MemberEmail,
            Role.OtherMember => OtherMemberEmail,
            Role.Host => TestApp.HostEmail,
            Role.OtherHost => OtherHostEmail,
            Role.Manager => TestApp.ManagerEmail,
            Role.ManagerWithoutTwoFactor => ManagerWithoutTwoFactorEmail,
            Role.OtherNetworkManager => OtherNetworkManagerEmail,
            _ => throw new ArgumentOutOfRangeException(nameof(role)),
        };
        if (role is Role.Manager or Role.OtherNetworkManager)
        {
            await client.SignInWithTwoFactorAsync(App, email!);
        }
        else if (email is not null)
        {
            await client.SignInAsync(email);
        }
        var home = await client.GetDocumentAsync("/");
        _tokens[role] = home.QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value")
            ?? throw new InvalidOperationException("No antiforgery token on the home page");
        _clients[role] = client;
    }

    /// <summary>
    /// The value of a named fixture: shared ones for reading, or — with <paramref name="own"/>, the fixtures of one
    /// request that changes things — new ones, made once per request (a new site, and its resource and product…).
    /// </summary>
    public async Task<string> ResolveAsync(string name, Dictionary<string, string>? own = null)
    {
        if (own is null)
        {
            return _shared.TryGetValue(name, out var value) ? value : throw new InvalidOperationException($"No fixture named « {name} »");
        }
        if (own.TryGetValue(name, out var mine))
        {
            return mine;
        }
        if (!Fresh.TryGetValue(name, out var make))
        {
            return own[name] = await ResolveAsync(name);
        }
        return own[name] = await make(this, own);
    }

    private static readonly Dictionary<string, Func<MatrixWorld, Dictionary<string, string>, Task<string>>> Fresh = new()
    {
        ["site"] = async (w, own) => (await w.NewSiteAsync(own)).ToString(Inv),
        ["siteSlug"] = async (w, own) => { await w.ResolveAsync("site", own); return own["siteSlug"]; },
        ["resource"] = async (w, own) => { await w.ResolveAsync("site", own); return own["resource"]; },
        ["product"] = async (w, own) => { await w.ResolveAsync("site", own); return own["product"]; },
        ["closure"] = async (w, own) => { await w.ResolveAsync("site", own); return own["closure"]; },
        ["booking"] = (w, _) => w.NewBookingAsync(),
        ["series"] = (w, _) => w.NewSeriesAsync(),
        ["event"] = (w, _) => w.NewEventAsync(),
        ["registration"] = async (w, own) => await w.NewRegistrationAsync(await w.ResolveAsync("event", own)),
        ["visit"] = (w, _) => w.NewVisitAsync(),
        ["invoice"] = (w, _) => w.NewInvoiceAsync(),
        ["company"] = (w, _) => w.NewCompanyAsync(),
        ["receipt"] = async (w, own) => await w.NewReceiptAsync(int.Parse(await w.ResolveAsync("site", own), Inv)),
        ["survey"] = async (w, own) => (await w.NewSurveyAsync(own)).ToString(Inv),
        ["listing"] = (w, _) => w.NewListingAsync(),
        ["strangerProfile"] = (w, _) => w.NewStrangerProfileAsync(),
        ["report"] = (w, _) => w.NewReportAsync(),
        ["conversation"] = (w, _) => w.NewConversationAsync(),
        ["newcomerRequest"] = (w, _) => w.NewNewcomerRequestAsync(),
        ["introduction"] = async (w, own) => await w.NewIntroductionAsync(await w.ResolveAsync("newcomerRequest", own)),
        ["newcomerToken"] = async (w, own) => w.NewcomerToken(await w.ResolveAsync("introduction", own)),
        ["testimony"] = (w, _) => w.NewTestimonyAsync(),
        ["section"] = (w, _) => w.NewSectionAsync(),
        ["surveySlug"] = async (w, own) => { await w.ResolveAsync("survey", own); return own["surveySlug"]; },
        ["question"] = async (w, own) => { await w.ResolveAsync("survey", own); return own["question"]; },
    };

    private int Next() => Interlocked.Increment(ref _sequence);

    /// <summary>A site of the demo network hosted by the demo host, with a desk pool, a product and a closure.</summary>
    private async Task<int> NewSiteAsync(Dictionary<string, string> own)
    {
        var n = Next();
        var site = new Site
        {
            NetworkId = NetworkId, Name = $"Tiers-lieu d'essai {n}", Slug = $"essai-{n}", Commune = "Luzech", Postcode = "46140", Address = "1 rue",
        };
        foreach (var day in Enum.GetValues<DayOfWeek>())
        {
            site.OpeningHours.Add(new OpeningHours { Day = day, Opens = new TimeOnly(8, 0), Closes = new TimeOnly(19, 0) });
        }
        site.Resources.Add(new Resource { Kind = ResourceKind.DeskPool, Name = "Espace partagé", Capacity = 4 });
        site.Closures.Add(new Closure { StartDate = new DateOnly(2027, 8, 1), EndDate = new DateOnly(2027, 8, 15), Reason = "Congés" });
        await App.WithDbAsync(async db =>
        {
            db.Sites.Add(site);
            await db.SaveChangesAsync();
            db.SiteHosts.Add(new SiteHost { SiteId = site.Id, UserId = HostId });
            var product = new Product { SiteId = site.Id, Kind = ProductKind.DayPass, Name = "Pass journée", PriceCents = 1500 };
            db.Set<Product>().Add(product);
            await db.SaveChangesAsync();
            own["product"] = product.Id.ToString(Inv);
            return 0;
        });
        own["siteSlug"] = site.Slug;
        own["resource"] = site.Resources[0].Id.ToString(Inv);
        own["closure"] = site.Closures[0].Id.ToString(Inv);
        return site.Id;
    }

    private static readonly DateOnly FirstBookingDay = new(2026, 12, 2);
    private int _bookingDays;

    /// <summary>A desk at Luzech for a whole day, booked by the demo member through the API.</summary>
    private async Task<string> NewBookingAsync()
    {
        var desks = await App.WithDbAsync(db => db.Resources.Where(r => r.Site!.Slug == "luzech" && r.Kind == ResourceKind.DeskPool).Select(r => r.Id).FirstAsync());
        for (var attempt = 0; attempt < 60; attempt++)
        {
            var day = FirstBookingDay.AddDays(_bookingDays++);
            var response = await Client(Role.Member).PostJsonAsync("/api/v1/bookings", new { resourceId = desks, date = day.ToString("yyyy-MM-dd", Inv), period = "day" });
            if (response.StatusCode == HttpStatusCode.Created)
            {
                return (await response.JsonAsync()).GetProperty("id").GetInt32().ToString(Inv);
            }
        }
        throw new InvalidOperationException("No day left to book a desk at Luzech");
    }

    private int _seriesWeeks;

    /// <summary>A series of two Thursdays in Prayssac's desks, booked by the demo member.</summary>
    private async Task<string> NewSeriesAsync()
    {
        var desks = await App.WithDbAsync(db => db.Resources.Where(r => r.Site!.Slug == "prayssac" && r.Kind == ResourceKind.DeskPool).Select(r => r.Id).FirstAsync());
        for (var attempt = 0; attempt < 10; attempt++)
        {
            var from = new DateOnly(2026, 12, 3).AddDays(14 * _seriesWeeks++);
            var response = await Client(Role.Member).PostJsonAsync("/api/v1/booking-series",
                new { resourceId = desks, weekdays = new[] { "thursday" }, everyWeeks = 1, from = from.ToString("yyyy-MM-dd", Inv), count = 2, period = "day" });
            if (response.StatusCode == HttpStatusCode.Created && (await response.JsonAsync()).GetProperty("seriesId") is { ValueKind: JsonValueKind.Number } id)
            {
                return id.GetInt32().ToString(Inv);
            }
        }
        throw new InvalidOperationException("Could not book a series at Prayssac");
    }

    private Task<string> NewEventAsync() =>
        App.CreateEventAsync("luzech", capacity: 20, title: $"Atelier {Next()}").ContinueWith(t => t.Result.ToString(Inv), TaskScheduler.Default);

    /// <summary>The demo member's registration to the event.</summary>
    private async Task<string> NewRegistrationAsync(string eventId)
    {
        var response = await Client(Role.Member).PostAsync(new Uri($"/api/v1/events/{eventId}/registrations", UriKind.Relative), null);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.JsonAsync()).GetProperty("id").GetInt32().ToString(Inv);
    }

    /// <summary>The other member arrives at Luzech (recorded by the demo host).</summary>
    private async Task<string> NewVisitAsync()
    {
        var user = await App.CreateUserAsync($"visiteur-{Next()}@cotravail.test");
        var visitor = await App.ApiClientAsync(user.Email!);
        var desks = await App.WithDbAsync(db => db.Resources.Where(r => r.Site!.Slug == "luzech" && r.Kind == ResourceKind.DeskPool).Select(r => r.Id).FirstAsync());
        var booked = await visitor.PostJsonAsync("/api/v1/bookings", new { resourceId = desks, date = "2026-12-01", period = "day" });
        Assert.True(booked.StatusCode == HttpStatusCode.Created, await booked.Content.ReadAsStringAsync());
        var bookingId = (await booked.JsonAsync()).GetProperty("id").GetInt32();
        var response = await Client(Role.Host).PostJsonAsync($"/api/v1/sites/{_shared["site"]}/checkins", new { bookingId });
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.JsonAsync()).GetProperty("id").GetInt32().ToString(Inv);
    }

    /// <summary>An invoice of the demo member that concerns Luzech (a carnet of Luzech sold on it): its hosts read it, Puy's do not.</summary>
    private async Task<string> NewInvoiceAsync()
    {
        await using var scope = App.Services.CreateAsyncScope();
        var carnet = await App.WithDbAsync(db => db.Set<Product>().Where(p => p.Site!.Slug == "luzech" && p.Kind == ProductKind.Carnet).Select(p => p.Id).FirstAsync());
        var sale = await scope.ServiceProvider.GetRequiredService<Sales>().SellAsync(new SaleRequest(carnet, MemberId, 1), HostId, CancellationToken.None);
        return sale.Invoice!.Id.ToString(Inv);
    }

    /// <summary>A receipt of the site's till: the member pays part of a new invoice by card.</summary>
    private async Task<string> NewReceiptAsync(int site)
    {
        var invoice = int.Parse(await NewInvoiceAsync(), Inv);
        await using var scope = App.Services.CreateAsyncScope();
        var paid = await scope.ServiceProvider.GetRequiredService<Payments>().SettleAsync(new SettleRequest(NetworkId, site, new DateOnly(2026, 12, 1), [invoice],
            PaymentMethod.Card, 100, null, null, null, MemberId, null, null), HostId, CancellationToken.None);
        return paid.Receipt!.Id.ToString(Inv);
    }

    private Task<string> NewCompanyAsync() => App.WithDbAsync(async db =>
    {
        var company = new Company { NetworkId = NetworkId, Name = $"Entreprise {_sequence}", Siret = (12345678200000L + Next()).ToString(Inv), BillingAddress = "1 rue, 46140 Luzech" };
        db.Set<Company>().Add(company);
        await db.SaveChangesAsync();
        return company.Id.ToString(Inv);
    });

    private async Task<int> NewSurveyAsync(Dictionary<string, string> own)
    {
        var n = Next();
        var survey = new Survey { NetworkId = NetworkId, Title = $"Enquête {n}", Slug = $"enquete-{n}", IsPublished = true, CreatedAtUtc = App.Clock.GetUtcNow().UtcDateTime };
        survey.Questions.Add(new SurveyQuestion { Kind = QuestionKind.ShortText, Text = "Qu'attendez-vous ?", Position = 1 });
        await App.WithDbAsync(async db => { db.Set<Survey>().Add(survey); return await db.SaveChangesAsync(); });
        own["surveySlug"] = survey.Slug;
        own["question"] = survey.Questions[0].Id.ToString(Inv);
        return survey.Id;
    }

    /// <summary>
    /// The network's fixtures: the demo member's profile (members only), another member's public profile, the
    /// demo member's ambassador record; listings, conversations, newcomer requests… are made by <see cref="Fresh"/>.
    /// </summary>
    private async Task ArrangeNetworkAsync()
    {
        var (profile, otherProfile, otherProfileOwner, ambassador) = await App.WithDbAsync(async db => (
            await db.Set<Profile>().Where(p => p.OwnerUserId == MemberId).Select(p => p.Id).SingleAsync(),
            await db.Set<Profile>().Where(p => p.OwnerUserId != MemberId && p.Visibility == Visibility.Public).OrderBy(p => p.Id).Select(p => p.Id).FirstAsync(),
            await db.Set<Profile>().Where(p => p.OwnerUserId != MemberId && p.Visibility == Visibility.Public).OrderBy(p => p.Id).Select(p => p.OwnerUserId).FirstAsync(),
            await db.Set<Ambassador>().Where(a => a.UserId == MemberId).Select(a => a.Id).SingleAsync()));
        _shared["profile"] = profile.ToString(Inv);
        _shared["otherProfile"] = otherProfile.ToString(Inv);
        _shared["ambassador"] = ambassador.ToString(Inv);
        _otherProfileOwner = otherProfileOwner;
    }

    private string _otherProfileOwner = "";

    /// <summary>Makes <paramref name="userId"/> a member of the demo network, as a first booking would.</summary>
    private Task JoinAsync(string userId) => App.WithDbAsync(async db =>
    {
        db.Set<NetworkMember>().Add(new NetworkMember { UserId = userId, NetworkId = NetworkId, SinceUtc = App.Clock.GetUtcNow().UtcDateTime });
        return await db.SaveChangesAsync();
    });

    /// <summary>The other member's report of the demo member's profile.</summary>
    private Task<string> NewReportAsync() => App.WithDbAsync(async db =>
    {
        var report = new Cotravail.Web.Features.Entrepreneurs.Report
        {
            ReporterUserId = OtherMemberId, ProfileId = int.Parse(_shared["profile"], Inv), Reason = $"Fiche trompeuse {Next()}",
            CreatedAtUtc = App.Clock.GetUtcNow().UtcDateTime,
        };
        db.Set<Cotravail.Web.Features.Entrepreneurs.Report>().Add(report);
        await db.SaveChangesAsync();
        return report.Id.ToString(Inv);
    });

    /// <summary>A members' profile of someone new (to block: blocking the demo member would hide her things from the blocker).</summary>
    private async Task<string> NewStrangerProfileAsync()
    {
        var user = await App.CreateUserAsync($"fiche-{Next()}@cotravail.test");
        await JoinAsync(user.Id);
        return await App.WithDbAsync(async db =>
        {
            var now = App.Clock.GetUtcNow().UtcDateTime;
            var profile = new Profile
            {
                OwnerUserId = user.Id, Kind = Cotravail.Web.Features.Entrepreneurs.ProfileKind.Person, Name = $"Paul Essai {Next()}", Commune = "Luzech", Postcode = "46140",
                Presentation = "Menuisier.", CreatedAtUtc = now, UpdatedAtUtc = now,
            };
            Cotravail.Web.Features.Entrepreneurs.ProfileEditor.SetVisibility(profile, Visibility.Members, now);
            profile.Index();
            db.Set<Profile>().Add(profile);
            await db.SaveChangesAsync();
            return profile.Id.ToString(Inv);
        });
    }

    /// <summary>An open need of the demo member's profile (shown to members).</summary>
    private Task<string> NewListingAsync() => App.WithDbAsync(async db =>
    {
        var profile = await db.Set<Profile>().SingleAsync(p => p.OwnerUserId == MemberId);
        var now = App.Clock.GetUtcNow().UtcDateTime;
        // Shown to members again, should a request (« hide my profile ») have hidden it.
        Cotravail.Web.Features.Entrepreneurs.ProfileEditor.SetVisibility(profile, Visibility.Members, now);
        var listing = new Listing
        {
            ProfileId = profile.Id, Kind = ListingKind.Need, Category = ListingCategory.Service, Title = $"Relecture de newsletters {Next()}",
            Body = "Quelqu'un pour relire mes newsletters chaque mois.", Skills = "relecture", ExpiresOn = new DateOnly(2027, 3, 1), CreatedAtUtc = now,
        };
        listing.Index();
        db.Set<Listing>().Add(listing);
        await db.SaveChangesAsync();
        return listing.Id.ToString(Inv);
    });

    /// <summary>A conversation between the demo member and the owner of another profile (not the other member).</summary>
    private Task<string> NewConversationAsync() => App.WithDbAsync(async db =>
    {
        var now = App.Clock.GetUtcNow().UtcDateTime;
        var conversation = new NetworkConversation
        {
            StarterUserId = MemberId, RecipientUserId = _otherProfileOwner, RecipientProfileId = int.Parse(_shared["otherProfile"], Inv),
            Subject = $"Votre site {Next()}", CreatedAtUtc = now, LastMessageAtUtc = now,
        };
        conversation.Messages.Add(new NetworkMessage { SenderUserId = MemberId, Body = "Bonjour, pourriez-vous refaire mon site ?", SentAtUtc = now });
        db.Set<NetworkConversation>().Add(conversation);
        await db.SaveChangesAsync();
        return conversation.Id.ToString(Inv);
    });

    private Task<string> NewNewcomerRequestAsync() => App.WithDbAsync(async db =>
    {
        var now = App.Clock.GetUtcNow().UtcDateTime;
        var request = new NewcomerRequest
        {
            NetworkId = NetworkId, Kind = RequestForm.Person, Name = $"Nouvelle arrivante {Next()}", Email = "arrivante@exemple.fr",
            Project = "telework", Needs = "desk", Message = "Je viens de Lyon.", Status = RequestStatus.New, CreatedAtUtc = now,
        };
        request.History.Add(new RequestEntry { Kind = EntryKind.Received, Text = "Demande reçue.", ToStatus = RequestStatus.New, ByName = request.Name, AtUtc = now });
        db.Set<NewcomerRequest>().Add(request);
        await db.SaveChangesAsync();
        return request.Id.ToString(Inv);
    });

    /// <summary>The newcomer request put in touch with the demo member, an ambassador.</summary>
    private Task<string> NewIntroductionAsync(string requestId) => App.WithDbAsync(async db =>
    {
        var now = App.Clock.GetUtcNow().UtcDateTime;
        var introduction = new Introduction
        {
            RequestId = int.Parse(requestId, Inv), AmbassadorId = int.Parse(_shared["ambassador"], Inv), CreatedByUserId = MemberId, CreatedAtUtc = now,
        };
        introduction.Messages.Add(new RelayMessage { FromNewcomer = true, Body = "Bonjour, comment est la vie à Luzech ?", AtUtc = now });
        db.Set<Introduction>().Add(introduction);
        await db.SaveChangesAsync();
        return introduction.Id.ToString(Inv);
    });

    /// <summary>The token of the newcomer's link to the conversation (as in the e-mail).</summary>
    private string NewcomerToken(string introductionId) =>
        App.Services.GetRequiredService<NewcomerLinks>().ConversationToken(int.Parse(introductionId, Inv));

    /// <summary>A testimony of the demo member, waiting for a manager.</summary>
    private Task<string> NewTestimonyAsync() => App.WithDbAsync(async db =>
    {
        var now = App.Clock.GetUtcNow().UtcDateTime;
        var testimony = new Testimony
        {
            NetworkId = NetworkId, UserId = MemberId, AuthorName = "Sophie M.", Commune = "Luzech", Text = $"Un tiers-lieu accueillant {Next()}.",
            Status = TestimonyStatus.Pending, ConsentAtUtc = now,
        };
        db.Set<Testimony>().Add(testimony);
        await db.SaveChangesAsync();
        return testimony.Id.ToString(Inv);
    });

    private const string OnePixelPng = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==";

    /// <summary>A section of « Venir travailler dans la vallée », with its picture.</summary>
    private Task<string> NewSectionAsync() => App.WithDbAsync(async db =>
    {
        var section = new TerritorySection
        {
            NetworkId = NetworkId, Title = $"Se loger {Next()}", Body = "Des gîtes et des locations à l'année.", SortOrder = 100 + Next(),
            UpdatedAtUtc = App.Clock.GetUtcNow().UtcDateTime, ImageContentType = "image/png", ImageAlt = "Une maison au bord du Lot", ImageVersion = 1,
        };
        db.Set<TerritorySection>().Add(section);
        await db.SaveChangesAsync();
        db.Set<TerritorySectionImage>().Add(new TerritorySectionImage { SectionId = section.Id, Content = Convert.FromBase64String(OnePixelPng) });
        await db.SaveChangesAsync();
        return section.Id.ToString(Inv);
    });

    public async ValueTask DisposeAsync()
    {
        foreach (var client in _clients.Values)
        {
            client.Dispose();
        }
        await App.DisposeAsync();
    }
}
