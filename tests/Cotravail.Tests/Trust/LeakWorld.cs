using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Cotravail.Tests.Infrastructure;
using Cotravail.Web.Data;
using Cotravail.Web.Features.Accounts;
using Cotravail.Web.Features.Billing;
using Cotravail.Web.Features.Billing.Companies;
using Cotravail.Web.Features.Billing.Products;
using Cotravail.Web.Features.Community;
using Cotravail.Web.Features.Entrepreneurs;
using Cotravail.Web.Features.Events;
using Cotravail.Web.Features.Events.Ratings;
using Cotravail.Web.Features.Newcomers;
using Cotravail.Web.Features.Reception;
using Cotravail.Web.Features.Sites;
using Cotravail.Web.Features.Surveys;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Event = Cotravail.Web.Features.Events.Event;
using NetworkConversation = Cotravail.Web.Features.Entrepreneurs.Conversation;
using NetworkMessage = Cotravail.Web.Features.Entrepreneurs.ConversationMessage;
using Network = Cotravail.Web.Features.Sites.Network;
using Visibility = Cotravail.Web.Features.Entrepreneurs.Visibility;

namespace Cotravail.Tests.Trust;

/// <summary>Who asks, in the data-leak matrix: the people of network 2.</summary>
public enum Asker
{
    Manager,
    Host,
    Member,
}

/// <summary>
/// Two networks with the same kinds of things: network 1, the demo network, where every datum that is not public
/// carries a marker (<see cref="LeakMarkers"/>), and network 2 (« Causse », two sites), with its manager, host and
/// members, whose things carry none. Route parameters are filled by the fixture names of
/// <see cref="AuthorizationRules"/>, with network 1's things or network 2's: a fixture may have several values (the
/// survey of network 1 is a draft, or a published one with answers…), each tried. A request that changes things gets
/// things of its own, made for that request (<see cref="ResolveAsync"/>), marked as well.
/// </summary>
public sealed class LeakWorld : IAsyncDisposable
{
    public enum Side
    {
        One,
        Two,
    }

    private static readonly IFormatProvider Inv = CultureInfo.InvariantCulture;
    private static readonly DateOnly Today = DateOnly.FromDateTime(TestApp.DefaultNow.UtcDateTime);

    private readonly Dictionary<Asker, HttpClient> _clients = [];
    private readonly Dictionary<Asker, string> _tokens = [];
    private readonly Dictionary<Side, Net> _nets = [];
    private int _plain;

    public TestApp App { get; }
    public LeakMarkers Markers { get; } = new();

    private LeakWorld(TestApp app) => App = app;

    /// <summary>What one network has: its people, their API clients, and its shared fixtures.</summary>
    private sealed class Net(Side side)
    {
        public Side Side { get; } = side;
        public int NetworkId { get; set; }
        public Site Main { get; set; } = null!;
        public Site Second { get; set; } = null!;
        public int MainDesk { get; set; }
        public int SecondDesk { get; set; }
        public AppUser Member { get; set; } = null!;
        public AppUser Host { get; set; } = null!;
        public AppUser ProfileOwner { get; set; } = null!;
        public AppUser Hidden { get; set; } = null!;
        public AppUser? Manager { get; set; }
        public HttpClient MemberApi { get; set; } = null!;
        public HttpClient HostApi { get; set; } = null!;
        public int Ambassador { get; set; }
        public string AmbassadorEmail { get; set; } = "";
        public int MembersProfile { get; set; }
        public int BookingDays { get; set; }
        public int SeriesWeeks { get; set; }
        public Dictionary<string, List<string>> Fixtures { get; } = [];

        public void Set(string name, params object[] values) =>
            Fixtures[name] = [.. values.Select(v => Convert.ToString(v, Inv)!)];
    }

    public static async Task<LeakWorld> StartAsync()
    {
        var world = new LeakWorld(await TestApp.StartAsync(settings: new Dictionary<string, string?>
        {
            ["Logging:LogLevel:Default"] = "Error",
            ["Logging:LogLevel:Microsoft.EntityFrameworkCore"] = "Critical",
        }));
        await world.ArrangeAsync();
        return world;
    }

    public HttpClient Client(Asker asker) => _clients[asker];

    /// <summary>Network 1's manager, host and member (who owns its bookings, invoices…), signed in: who may see its markers.</summary>
    public IReadOnlyList<HttpClient> Insiders { get; private set; } = [];

    public string AntiforgeryToken(Asker asker) => _tokens[asker];

    // ── Arranging the two networks ─────────────────────────────────────────────────────────────────────────

    private async Task ArrangeAsync()
    {
        var one = _nets[Side.One] = new Net(Side.One);
        var two = _nets[Side.Two] = new Net(Side.Two);
        await ArrangeNetworkOneAsync(one);
        await ArrangeNetworkTwoAsync(two);
        foreach (var net in new[] { one, two })
        {
            await ArrangeThingsAsync(net);
        }
        // Secret links are keys: who holds one may read what it opens. Network 1's are not tried; network 2's are.
        one.Fixtures["calendarToken"] = two.Fixtures["calendarToken"];
        one.Fixtures["newcomerToken"] = two.Fixtures["newcomerToken"];
        foreach (var asker in Enum.GetValues<Asker>())
        {
            await SignInAsync(asker);
        }
        var insiders = new List<HttpClient>();
        foreach (var email in new[] { TestApp.ManagerEmail, one.Host.Email!, one.Member.Email!, one.ProfileOwner.Email!, one.Hidden.Email!, one.AmbassadorEmail })
        {
            var client = App.Browser();
            await client.SignInAsync(email);
            insiders.Add(client);
        }
        Insiders = insiders;
    }

    private async Task ArrangeNetworkOneAsync(Net net)
    {
        var (networkId, luzech, prayssac) = await App.WithDbAsync(async db => (
            await db.Networks.Where(n => n.Slug == DemoData.NetworkSlug).Select(n => n.Id).SingleAsync(),
            await db.Sites.AsNoTracking().Include(s => s.Resources).SingleAsync(s => s.Slug == "luzech"),
            await db.Sites.AsNoTracking().Include(s => s.Resources).SingleAsync(s => s.Slug == "prayssac")));
        net.NetworkId = networkId;
        net.Main = luzech;
        net.Second = prayssac;
        await PeopleAsync(net);
        await App.WithDbAsync(async db =>
        {
            db.SiteHosts.Add(new SiteHost { SiteId = luzech.Id, UserId = net.Host.Id });
            db.SiteHosts.Add(new SiteHost { SiteId = prayssac.Id, UserId = net.Host.Id });
            return await db.SaveChangesAsync();
        });
    }

    private async Task ArrangeNetworkTwoAsync(Net net)
    {
        var network = new Network
        {
            Name = "Causse", Slug = "causse", LegalName = "Communauté de communes du Causse", LegalAddress = "1 place de la Mairie, 46230 Lalbenque",
            Siret = "20000000000046", InvoicePrefix = "C",
        };
        network.Sites.Add(NewSite("Tiers-lieu de Lalbenque", "lalbenque", "Lalbenque", "46230"));
        network.Sites.Add(NewSite("Tiers-lieu de Limogne", "limogne", "Limogne-en-Quercy", "46260"));
        await App.WithDbAsync(async db =>
        {
            db.Networks.Add(network);
            await db.SaveChangesAsync();
            foreach (var site in network.Sites)
            {
                db.Set<Product>().Add(new Product { SiteId = site.Id, Kind = ProductKind.DayPass, Name = "Pass journée", PriceCents = 1200 });
            }
            return await db.SaveChangesAsync();
        });
        net.NetworkId = network.Id;
        net.Main = await App.SiteAsync("lalbenque");
        net.Second = await App.SiteAsync("limogne");
        net.Manager = await PersonAsync(net, Roles.Manager, "du gestionnaire");
        await PeopleAsync(net);
        await App.WithDbAsync(async db =>
        {
            db.NetworkManagers.Add(new NetworkManager { NetworkId = network.Id, UserId = net.Manager.Id });
            db.SiteHosts.Add(new SiteHost { SiteId = net.Main.Id, UserId = net.Host.Id });
            db.SiteHosts.Add(new SiteHost { SiteId = net.Second.Id, UserId = net.Host.Id });
            return await db.SaveChangesAsync();
        });
    }

    private static Site NewSite(string name, string slug, string commune, string postcode)
    {
        var site = new Site { Name = name, Slug = slug, Commune = commune, Postcode = postcode, Address = "1 place, " + postcode + " " + commune, DayPriceCents = 1200 };
        foreach (var day in Enum.GetValues<DayOfWeek>())
        {
            site.OpeningHours.Add(new OpeningHours { Day = day, Opens = new TimeOnly(8, 0), Closes = new TimeOnly(19, 0) });
        }
        site.Resources.Add(new Resource { Kind = ResourceKind.DeskPool, Name = "Espace partagé", Capacity = 20 });
        site.Resources.Add(new Resource { Kind = ResourceKind.MeetingRoom, Name = "Salle du four", Capacity = 8, SortOrder = 1 });
        return site;
    }

    /// <summary>A member, a host, the owner of a profile shown to members, and the owner of a hidden one.</summary>
    private async Task PeopleAsync(Net net)
    {
        net.Member = await PersonAsync(net, Roles.Member, "d'un membre");
        net.Host = await PersonAsync(net, Roles.Host, "d'un animateur");
        net.ProfileOwner = await PersonAsync(net, Roles.Member, "d'une membre qui a une fiche");
        net.Hidden = await PersonAsync(net, Roles.Member, "d'un membre à la fiche masquée");
        net.MemberApi = await App.ApiClientAsync(net.Member.Email!);
        net.HostApi = await App.ApiClientAsync(net.Host.Email!);
        net.MainDesk = net.Main.Resources.First(r => r.Kind == ResourceKind.DeskPool).Id;
        net.SecondDesk = net.Second.Resources.First(r => r.Kind == ResourceKind.DeskPool).Id;
    }

    private async Task<AppUser> PersonAsync(Net net, string role, string who, LeakGroup group = LeakGroup.Private)
    {
        await using var scope = App.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = new AppUser
        {
            Email = Email(net.Side, "l'adresse " + who, group, shownNowhere: group == LeakGroup.Membership),
            FirstName = Text(net.Side, group, "le prénom " + who, "Camille"),
            LastName = Text(net.Side, group, "le nom " + who, "Causse"),
            EmailConfirmed = true, Postcode = net.Main.Postcode,
        };
        user.UserName = user.Email;
        var created = await users.CreateAsync(user, TestApp.DemoPassword);
        Assert.True(created.Succeeded, string.Join(" ", created.Errors.Select(e => e.Description)));
        await users.AddToRoleAsync(user, role);
        return user;
    }

    /// <summary>A marker on network 1; plain words, numbered, on network 2.</summary>
    private string Text(Side side, LeakGroup group, string what, string plain) =>
        side == Side.One ? Markers.New(group, what) : $"{plain} {Interlocked.Increment(ref _plain)}";

    private string Email(Side side, string what, LeakGroup group = LeakGroup.Private, bool shownNowhere = false) => side == Side.One
        ? Markers.New(group, what, shownNowhere).ToLowerInvariant() + "@exemple.fr"
        : $"causse-{Interlocked.Increment(ref _plain)}@exemple.fr";

    /// <summary>One thing of each kind in the network, shared by the reading requests.</summary>
    private async Task ArrangeThingsAsync(Net net)
    {
        var side = net.Side;
        net.Set("network", net.NetworkId);
        net.Set("site", net.Main.Id);
        net.Set("siteSlug", net.Main.Slug);
        net.Set("resource", net.MainDesk);
        net.Set("product", await App.WithDbAsync(db => db.Set<Product>().Where(p => p.SiteId == net.Main.Id).Select(p => p.Id).FirstAsync()));
        var photo = await App.WithDbAsync(async db =>
        {
            var p = new Cotravail.Web.Features.Sites.Photos.SitePhoto
            {
                SiteId = net.Main.Id, Description = $"Photo {net.Side}", Width = 320, Height = 240, Version = $"v{net.Side}", CreatedAtUtc = Today.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc),
            };
            p.Variants.Add(new Cotravail.Web.Features.Sites.Photos.SitePhotoVariant { Width = 320, Height = 240, Format = "webp", Content = [1, 2, 3] });
            db.Add(p);
            await db.SaveChangesAsync();
            return p;
        });
        net.Set("photo", photo.Id);
        net.Set("photoVersion", photo.Version);
        net.Set("photoWidth", 320);
        net.Set("photoFormat", "webp");
        net.Set("closure", await NewClosureAsync(net, net.Main.Id));
        net.Set("code", "404");
        net.Set("documentName", "v1");
        net.Set("journal", "ventes");
        net.Set("none", "");
        net.Set("memberId", net.Member.Id);

        // Bookings, presence, money
        var booking = await NewBookingAsync(net);
        net.Set("booking", booking);
        await NewBookingAsync(net);
        using (var hiddenApi = await App.ApiClientAsync(net.Hidden.Email!))
        {
            var booked = await hiddenApi.PostJsonAsync("/api/v1/bookings", new { resourceId = net.MainDesk, date = Today.ToString("yyyy-MM-dd", Inv), period = "day" });
            Assert.True(booked.StatusCode == HttpStatusCode.Created, await booked.Content.ReadAsStringAsync());
        }
        net.Set("series", await NewSeriesAsync(net));
        net.Set("visit", await CheckInAsync(net, booking));
        net.Set("visitor", await WalkInAsync(net));
        net.Set("invoice", await NewInvoiceAsync(net));
        net.Set("publishedReport", (await PublishReportAsync(net)).ToString(Inv));
        net.Set("receipt", await NewReceiptAsync(net));
        await CloseTillAsync(net);
        net.Set("company", await NewCompanyAsync(net, withMember: true));

        // Events
        var open = await NewEventAsync(net, EventAudience.Public, EventStatus.Published, "Atelier du numérique");
        net.Set("registration", await RegisterAsync(net, open));
        await GuestAsync(net, open);
        var members = await NewEventAsync(net, EventAudience.Members, EventStatus.Published,
            Text(side, LeakGroup.Membership, "le titre d'un événement réservé aux membres", "Apéro des membres"));
        var draft = await NewEventAsync(net, EventAudience.Public, EventStatus.Draft, Text(side, LeakGroup.Private, "le titre d'un événement en préparation", "Brouillon"));
        var proposal = await NewProposalAsync(net, EventStatus.Proposed, null);
        var declined = await NewProposalAsync(net, EventStatus.Declined, Text(side, LeakGroup.Private, "le message d'un refus de proposition", "Refus"));
        var past = await PastEventAsync(net);
        net.Set("event", open, members, draft, proposal, declined, past);
        net.Set("helpTask", await HelpTaskAsync(net));

        // The network of entrepreneurs
        net.MembersProfile = await NewProfileAsync(net, net.ProfileOwner, Visibility.Members);
        var hidden = await NewProfileAsync(net, net.Hidden, Visibility.Hidden);
        net.Set("profile", net.MembersProfile, hidden);
        net.Set("otherProfile", net.MembersProfile, hidden);
        net.Set("strangerProfile", net.MembersProfile, hidden);
        net.Set("listing", await NewListingAsync(net));
        net.Set("report", await ReportAsync(net));
        net.Set("conversation", await NewConversationAsync(net));

        // Newcomers
        (net.Ambassador, net.AmbassadorEmail) = await AmbassadorAsync(net);
        net.Set("ambassador", net.Ambassador);
        var request = await NewNewcomerRequestAsync(net);
        net.Set("newcomerRequest", request);
        var introduction = await NewIntroductionAsync(net, request);
        net.Set("introduction", introduction);
        net.Set("newcomerToken", NewcomerToken(introduction));
        net.Set("testimony", await NewTestimonyAsync(net));
        await PublishedTestimonyAsync(net);
        net.Set("section", await NewSectionAsync(net));

        // Surveys
        var (draftSurvey, draftSlug, draftQuestion) = await NewSurveyAsync(net);
        var (openSurvey, openSlug, openQuestion) = await AnsweredSurveyAsync(net);
        net.Set("survey", draftSurvey, openSurvey);
        net.Set("surveySlug", draftSlug, openSlug);
        net.Set("question", draftQuestion, openQuestion);

        if (side == Side.Two)
        {
            var calendar = await net.MemberApi.GetFromJsonAsync<JsonElement>("/api/v1/me/calendar");
            net.Set("calendarToken", calendar.GetProperty("url").GetString()!.Split('/')[^1].Replace(".ics", "", StringComparison.Ordinal));
        }
    }

    // ── Fixtures ───────────────────────────────────────────────────────────────────────────────────────────

    /// <summary>The values of a shared fixture of <paramref name="side"/> (several when there are several cases to try).</summary>
    public IReadOnlyList<string> Shared(Side side, string name) =>
        _nets[side].Fixtures.TryGetValue(name, out var values) ? values : throw new InvalidOperationException($"No fixture named « {name} »");

    /// <summary>The things of one request that changes things: new ones, made once per request and side.</summary>
    public async Task<string> ResolveAsync(Side side, string name, Dictionary<string, string> own)
    {
        ArgumentNullException.ThrowIfNull(own);
        if (own.TryGetValue(name, out var mine))
        {
            return mine;
        }
        var net = _nets[side];
        if (!Fresh.TryGetValue(name, out var make))
        {
            return own[name] = Shared(side, name)[0];
        }
        return own[name] = await make(this, net, own);
    }

    private static readonly Dictionary<string, Func<LeakWorld, Net, Dictionary<string, string>, Task<string>>> Fresh = new()
    {
        ["site"] = async (w, n, own) => (await w.NewSiteAsync(n, own)).ToString(Inv),
        ["siteSlug"] = async (w, n, own) => { await w.ResolveAsync(n.Side, "site", own); return own["siteSlug"]; },
        ["resource"] = async (w, n, own) => { await w.ResolveAsync(n.Side, "site", own); return own["resource"]; },
        ["product"] = async (w, n, own) => { await w.ResolveAsync(n.Side, "site", own); return own["product"]; },
        ["closure"] = async (w, n, own) => { await w.ResolveAsync(n.Side, "site", own); return own["closure"]; },
        ["booking"] = async (w, n, _) => (await w.NewBookingAsync(n)).ToString(Inv),
        ["series"] = async (w, n, _) => (await w.NewSeriesAsync(n)).ToString(Inv),
        ["event"] = async (w, n, _) => (await w.NewEventAsync(n, EventAudience.Public, EventStatus.Draft,
            w.Text(n.Side, LeakGroup.Private, "le titre d'un événement en préparation", "Brouillon"))).ToString(Inv),
        ["registration"] = async (w, n, _) =>
            (await w.RegisterAsync(n, await w.NewEventAsync(n, EventAudience.Public, EventStatus.Published, "Atelier du numérique"))).ToString(Inv),
        ["visit"] = async (w, n, _) => (await w.NewVisitAsync(n)).ToString(Inv),
        ["invoice"] = async (w, n, _) => (await w.NewInvoiceAsync(n)).ToString(Inv),
        ["company"] = async (w, n, _) => (await w.NewCompanyAsync(n)).ToString(Inv),
        ["survey"] = async (w, n, own) =>
        {
            var (id, slug, question) = await w.NewSurveyAsync(n);
            own["surveySlug"] = slug;
            own["question"] = question.ToString(Inv);
            return id.ToString(Inv);
        },
        ["surveySlug"] = async (w, n, own) => { await w.ResolveAsync(n.Side, "survey", own); return own["surveySlug"]; },
        ["question"] = async (w, n, own) => { await w.ResolveAsync(n.Side, "survey", own); return own["question"]; },
        ["listing"] = async (w, n, _) => (await w.NewListingAsync(n)).ToString(Inv),
        ["strangerProfile"] = async (w, n, _) =>
            (await w.NewProfileAsync(n, await w.PersonAsync(n, Roles.Member, "d'une membre qui a une fiche"), Visibility.Members)).ToString(Inv),
        ["conversation"] = async (w, n, _) => (await w.NewConversationAsync(n)).ToString(Inv),
        ["newcomerRequest"] = async (w, n, _) => (await w.NewNewcomerRequestAsync(n)).ToString(Inv),
        ["introduction"] = async (w, n, own) =>
            (await w.NewIntroductionAsync(n, int.Parse(await w.ResolveAsync(n.Side, "newcomerRequest", own), Inv))).ToString(Inv),
        // A newcomer's link is a key: only network 2's are tried.
        ["newcomerToken"] = async (w, n, own) => n.Side == Side.One
            ? w.Shared(Side.Two, "newcomerToken")[0]
            : w.NewcomerToken(int.Parse(await w.ResolveAsync(n.Side, "introduction", own), Inv)),
        ["testimony"] = async (w, n, _) => (await w.NewTestimonyAsync(n)).ToString(Inv),
        ["section"] = async (w, n, _) => (await w.NewSectionAsync(n)).ToString(Inv),
    };

    // ── Makers: each makes one thing of the network, marked on network 1 ──────────────────────────────────

    private async Task<int> NewSiteAsync(Net net, Dictionary<string, string> own)
    {
        var n = Interlocked.Increment(ref _plain);
        var site = NewSite($"Tiers-lieu d'essai {n}", $"essai-{n}", net.Main.Commune, net.Main.Postcode);
        site.NetworkId = net.NetworkId;
        await App.WithDbAsync(async db =>
        {
            db.Sites.Add(site);
            await db.SaveChangesAsync();
            db.SiteHosts.Add(new SiteHost { SiteId = site.Id, UserId = net.Host.Id });
            var product = new Product { SiteId = site.Id, Kind = ProductKind.DayPass, Name = "Pass journée", PriceCents = 1500 };
            db.Set<Product>().Add(product);
            await db.SaveChangesAsync();
            own["product"] = product.Id.ToString(Inv);
            return 0;
        });
        own["siteSlug"] = site.Slug;
        own["resource"] = site.Resources[0].Id.ToString(Inv);
        own["closure"] = (await NewClosureAsync(net, site.Id)).ToString(Inv);
        return site.Id;
    }

    /// <summary>A closure that is over (the public sees the closures to come only), with a reason a manager wrote.</summary>
    private Task<int> NewClosureAsync(Net net, int siteId) => App.WithDbAsync(async db =>
    {
        var closure = new Closure
        {
            SiteId = siteId, StartDate = Today.AddDays(-20), EndDate = Today.AddDays(-18),
            Reason = Text(net.Side, LeakGroup.Private, "le motif d'une fermeture passée", "Travaux"),
        };
        db.Closures.Add(closure);
        await db.SaveChangesAsync();
        return closure.Id;
    });

    /// <summary>A desk for a whole day, booked by the network's member through the API: today first, then the next days.</summary>
    private async Task<int> NewBookingAsync(Net net)
    {
        for (var attempt = 0; attempt < 60; attempt++)
        {
            var day = Today.AddDays(net.BookingDays++);
            var response = await net.MemberApi.PostJsonAsync("/api/v1/bookings", new { resourceId = net.MainDesk, date = day.ToString("yyyy-MM-dd", Inv), period = "day" });
            if (response.StatusCode == HttpStatusCode.Created)
            {
                return (await response.JsonAsync()).GetProperty("id").GetInt32();
            }
        }
        throw new InvalidOperationException($"No day left to book a desk at {net.Main.Slug}");
    }

    private async Task<int> NewSeriesAsync(Net net)
    {
        for (var attempt = 0; attempt < 10; attempt++)
        {
            var from = new DateOnly(2026, 12, 3).AddDays(14 * net.SeriesWeeks++);
            var response = await net.MemberApi.PostJsonAsync("/api/v1/booking-series",
                new { resourceId = net.SecondDesk, weekdays = new[] { "thursday" }, everyWeeks = 1, from = from.ToString("yyyy-MM-dd", Inv), count = 2, period = "day" });
            if (response.StatusCode == HttpStatusCode.Created && (await response.JsonAsync()).GetProperty("seriesId") is { ValueKind: JsonValueKind.Number } id)
            {
                return id.GetInt32();
            }
        }
        throw new InvalidOperationException($"Could not book a series at {net.Second.Slug}");
    }

    private async Task<int> CheckInAsync(Net net, int bookingId, Site? site = null)
    {
        var response = await net.HostApi.PostJsonAsync($"/api/v1/sites/{(site ?? net.Main).Id}/checkins", new { bookingId });
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.JsonAsync()).GetProperty("id").GetInt32();
    }

    /// <summary>Someone new books today at the second site (the first one's desks are taken by the requests) and is checked in by the host.</summary>
    private async Task<int> NewVisitAsync(Net net)
    {
        var person = await PersonAsync(net, Roles.Member, "d'une personne accueillie");
        using var api = await App.ApiClientAsync(person.Email!);
        var booked = await api.PostJsonAsync("/api/v1/bookings", new { resourceId = net.SecondDesk, date = Today.ToString("yyyy-MM-dd", Inv), period = "day" });
        Assert.True(booked.StatusCode == HttpStatusCode.Created, await booked.Content.ReadAsStringAsync());
        return await CheckInAsync(net, (await booked.JsonAsync()).GetProperty("id").GetInt32(), net.Second);
    }

    /// <summary>The network's public activity report over the last three months, rendered as the managers' page does.</summary>
    private async Task<int> PublishReportAsync(Net net)
    {
        await using var scope = App.Services.CreateAsyncScope();
        var reports = scope.ServiceProvider.GetRequiredService<Cotravail.Web.Features.Observatory.Report.ActivityReports>();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var network = (await reports.NetworksAsync([net.NetworkId], default)).Single();
        var report = new Cotravail.Web.Features.Observatory.Report.PublishedReport
        {
            NetworkId = net.NetworkId, From = Today.AddMonths(-3), To = Today,
            Content = await reports.RenderAsync(network, null, Today.AddMonths(-3), Today, isPublic: true, default),
            PublishedAtUtc = App.Clock.GetUtcNow().UtcDateTime,
        };
        db.Add(report);
        await db.SaveChangesAsync();
        return report.Id;
    }

    /// <summary>Someone without an account comes in: the desk sells a day pass, paid in cash.</summary>
    private async Task<int> WalkInAsync(Net net)
    {
        await using var scope = App.Services.CreateAsyncScope();
        var desk = scope.ServiceProvider.GetRequiredService<Arrivals>();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var site = await db.Sites.AsNoTracking().Include(s => s.Resources).SingleAsync(s => s.Id == net.Main.Id);
        var person = new WalkInPerson(null, null, Text(net.Side, LeakGroup.Private, "le prénom d'une personne venue sans réserver", "Dominique"),
            Text(net.Side, LeakGroup.Private, "le nom d'une personne venue sans réserver", "Passant"), Email(net.Side, "l'adresse d'une personne venue sans réserver"),
            net.Main.Postcode);
        var (result, _) = await desk.WalkInAsync(site, person, PaymentMethod.Cash, net.Host.Id, CancellationToken.None);
        Assert.True(result.Ok, result.Message);
        return result.Visit!.VisitorId;
    }

    /// <summary>An invoice of the member (4 321,07 € on network 1), paid by a transfer whose reference the host wrote.</summary>
    private async Task<int> NewInvoiceAsync(Net net)
    {
        await using var scope = App.Services.CreateAsyncScope();
        var cents = net.Side == Side.One ? LeakMarkers.AmountCents : 25_000;
        var invoice = await scope.ServiceProvider.GetRequiredService<InvoiceIssuer>().IssueAsync(net.NetworkId,
            new ClientIdentity(net.Member.Id, net.Member.DisplayName, Text(net.Side, LeakGroup.Private, "l'adresse postale d'un membre", "1 rue du Causse"), net.Member.Email),
            [new LineRequest(Text(net.Side, LeakGroup.Private, "le libellé d'une ligne de facture", "Location de bureau"), 1, cents, 2000)], CancellationToken.None);
        var (outcome, _, _) = await scope.ServiceProvider.GetRequiredService<Payments>().RecordAsync(
            new PaymentRequest(invoice.Id, PaymentMethod.Transfer, cents, net.Main.Id, null, null,
                Text(net.Side, LeakGroup.Private, "la référence d'un virement notée par l'accueil", "VIR")), net.Host.Id, CancellationToken.None);
        Assert.Equal(PaymentOutcome.Recorded, outcome);
        return invoice.Id;
    }

    /// <summary>A receipt of the main site's till: the member pays part of a new invoice by card.</summary>
    private async Task<int> NewReceiptAsync(Net net)
    {
        await using var scope = App.Services.CreateAsyncScope();
        var invoice = await scope.ServiceProvider.GetRequiredService<InvoiceIssuer>().IssueAsync(net.NetworkId,
            new ClientIdentity(net.Member.Id, net.Member.DisplayName, null, net.Member.Email),
            [new LineRequest(Text(net.Side, LeakGroup.Private, "le libellé d'une facture réglée à la caisse", "Carnet de 10 journées"), 1, 12_300, 2000)], CancellationToken.None);
        var paid = await scope.ServiceProvider.GetRequiredService<Payments>().SettleAsync(new SettleRequest(net.NetworkId, net.Main.Id, Today, [invoice.Id],
            PaymentMethod.Card, 2_300, null, null, null, net.Member.Id, null, null), net.Host.Id, CancellationToken.None);
        Assert.Equal(PaymentOutcome.Recorded, paid.Outcome);
        return paid.Receipt!.Id;
    }

    private async Task CloseTillAsync(Net net)
    {
        await using var scope = App.Services.CreateAsyncScope();
        var payments = scope.ServiceProvider.GetRequiredService<Payments>();
        var expected = await payments.ExpectedCashAsync(net.Main.Id, CancellationToken.None);
        var closed = await payments.CloseCashUpAsync(new CashUpRequest(net.Main.Id, Today, expected,
            Text(net.Side, LeakGroup.Private, "le commentaire d'une clôture de caisse", "Caisse juste")), net.Host.Id, CancellationToken.None);
        Assert.Equal(CashUpOutcome.Closed, closed.Outcome);
    }

    /// <summary>A company client of the network (the shared one counts the member among its people: one company per member and network).</summary>
    private Task<int> NewCompanyAsync(Net net, bool withMember = false) => App.WithDbAsync(async db =>
    {
        var company = new Company
        {
            NetworkId = net.NetworkId, Name = Text(net.Side, LeakGroup.Private, "le nom d'une entreprise cliente", "Scierie"),
            Siret = (12345678200000L + Interlocked.Increment(ref _plain)).ToString(Inv),
            BillingAddress = Text(net.Side, LeakGroup.Private, "l'adresse de facturation d'une entreprise", "2 route"), Email = Email(net.Side, "l'adresse d'une entreprise", shownNowhere: true),
        };
        if (withMember)
        {
            company.Members.Add(new CompanyMember { NetworkId = net.NetworkId, UserId = net.Member.Id });
        }
        db.Set<Company>().Add(company);
        await db.SaveChangesAsync();
        return company.Id;
    });

    private static readonly DateTime EventStartUtc = new(2026, 12, 10, 17, 0, 0, DateTimeKind.Utc);

    private Task<int> NewEventAsync(Net net, EventAudience audience, EventStatus status, string title, DateTime? startUtc = null) => App.WithDbAsync(async db =>
    {
        var start = startUtc ?? EventStartUtc;
        var e = new Event
        {
            SiteId = net.Main.Id, Title = title, Kind = EventKind.Workshop, Audience = audience, Status = status, Capacity = 20,
            StartUtc = start, EndUtc = start.AddHours(2), OrganiserName = "Julien Lafon", Description = "Venez découvrir les outils.",
            CreatedAtUtc = start.AddDays(-30), CreatedByUserId = net.Host.Id,
        };
        db.Events.Add(e);
        await db.SaveChangesAsync();
        return e.Id;
    });

    /// <summary>A member's proposal of a workshop, waiting for the hosts or declined by them.</summary>
    private Task<int> NewProposalAsync(Net net, EventStatus status, string? review) => App.WithDbAsync(async db =>
    {
        var e = new Event
        {
            SiteId = net.Main.Id, Title = Text(net.Side, LeakGroup.Private, "le titre d'un atelier proposé par un membre", "Proposition"),
            Description = Text(net.Side, LeakGroup.Private, "la description d'un atelier proposé par un membre", "Je propose"), Kind = EventKind.Workshop,
            Audience = EventAudience.Public, Status = status, Capacity = 10, StartUtc = EventStartUtc.AddDays(7), EndUtc = EventStartUtc.AddDays(7).AddHours(2),
            OrganiserKind = OrganiserKind.Member, OrganiserName = net.Member.DisplayName, CreatedByUserId = net.Member.Id, ReviewMessage = review,
            CreatedAtUtc = EventStartUtc.AddDays(-20),
        };
        db.Events.Add(e);
        await db.SaveChangesAsync();
        return e.Id;
    });

    /// <summary>The member's registration to the event, through the API.</summary>
    private async Task<int> RegisterAsync(Net net, int eventId)
    {
        var response = await net.MemberApi.PostAsync(new Uri($"/api/v1/events/{eventId}/registrations", UriKind.Relative), null);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.JsonAsync()).GetProperty("id").GetInt32();
    }

    /// <summary>Someone without an account registered (and confirmed by the link of the e-mail).</summary>
    private Task<int> GuestAsync(Net net, int eventId) => App.WithDbAsync(async db =>
    {
        var registration = new Registration
        {
            EventId = eventId, Name = Text(net.Side, LeakGroup.Private, "le nom d'une personne inscrite sans compte", "Invitée"),
            Email = Email(net.Side, "l'adresse d'une personne inscrite sans compte"), Postcode = net.Main.Postcode, Status = RegistrationStatus.Confirmed,
            CreatedAtUtc = TestApp.DefaultNow.UtcDateTime.AddDays(-2), ConfirmedAtUtc = TestApp.DefaultNow.UtcDateTime.AddDays(-2),
        };
        db.EventRegistrations.Add(registration);
        await db.Events.Where(e => e.Id == eventId).ExecuteUpdateAsync(s => s.SetProperty(e => e.Registered, e => e.Registered + 1));
        await db.SaveChangesAsync();
        return registration.Id;
    });

    /// <summary>A workshop that took place, the member present, and the member's rating with a comment for the hosts.</summary>
    private async Task<int> PastEventAsync(Net net)
    {
        var start = TestApp.DefaultNow.UtcDateTime.AddDays(-10);
        var id = await NewEventAsync(net, EventAudience.Public, EventStatus.Published, "Atelier passé", start);
        await App.WithDbAsync(async db =>
        {
            var registration = new Registration
            {
                EventId = id, UserId = net.Member.Id, Name = net.Member.DisplayName, Email = net.Member.Email!, Status = RegistrationStatus.Confirmed,
                Attended = true, CreatedAtUtc = start.AddDays(-5), ConfirmedAtUtc = start.AddDays(-5),
            };
            db.EventRegistrations.Add(registration);
            await db.Events.Where(e => e.Id == id).ExecuteUpdateAsync(s => s.SetProperty(e => e.Registered, 1));
            await db.SaveChangesAsync();
            db.EventRatings.Add(new EventRating
            {
                RegistrationId = registration.Id, EventId = id, Score = 2, CreatedAtUtc = start.AddDays(1),
                Comment = Text(net.Side, LeakGroup.Private, "le commentaire d'un avis sur un atelier", "Bien"),
            });
            return await db.SaveChangesAsync();
        });
        return id;
    }

    /// <summary>A « coup de main » (its title is public) and the member who volunteered.</summary>
    private Task<int> HelpTaskAsync(Net net) => App.WithDbAsync(async db =>
    {
        var task = new HelpTask
        {
            SiteId = net.Main.Id, Title = "Ranger la bibliothèque", Date = Today.AddDays(5), PeopleNeeded = 3, SignedUp = 1,
            CreatedByUserId = net.Host.Id, CreatedAtUtc = TestApp.DefaultNow.UtcDateTime,
        };
        task.Signups.Add(new HelpSignup { UserId = net.Member.Id, CreatedAtUtc = TestApp.DefaultNow.UtcDateTime });
        db.HelpTasks.Add(task);
        await db.SaveChangesAsync();
        return task.Id;
    });

    /// <summary>A profile shown to members (marked « membership » on network 1) or hidden (marked private).</summary>
    private Task<int> NewProfileAsync(Net net, AppUser owner, Visibility visibility) => App.WithDbAsync(async db =>
    {
        var now = App.Clock.GetUtcNow().UtcDateTime;
        var group = visibility == Visibility.Members ? LeakGroup.Membership : LeakGroup.Private;
        var what = visibility == Visibility.Members ? "une fiche réservée aux membres" : "une fiche masquée";
        var profile = new Profile
        {
            OwnerUserId = owner.Id, Kind = ProfileKind.Person, Name = Text(net.Side, group, "le nom d'" + what, "Menuiserie"),
            Commune = net.Main.Commune, Postcode = net.Main.Postcode, Presentation = Text(net.Side, group, "la présentation d'" + what, "Menuisier."),
            CreatedAtUtc = now, UpdatedAtUtc = now,
        };
        ProfileEditor.SetVisibility(profile, visibility, now);
        profile.Index();
        db.Set<Profile>().Add(profile);
        await db.SaveChangesAsync();
        return profile.Id;
    });

    private Task<int> NewListingAsync(Net net) => App.WithDbAsync(async db =>
    {
        var listing = new Listing
        {
            ProfileId = net.MembersProfile, Kind = ListingKind.Need, Category = ListingCategory.Service,
            Title = Text(net.Side, LeakGroup.Membership, "le titre de l'annonce d'une fiche réservée aux membres", "Relecture"),
            Body = Text(net.Side, LeakGroup.Membership, "le texte de l'annonce d'une fiche réservée aux membres", "Quelqu'un pour relire."),
            Skills = "relecture", ExpiresOn = Today.AddMonths(3), CreatedAtUtc = App.Clock.GetUtcNow().UtcDateTime,
        };
        listing.Index();
        db.Set<Listing>().Add(listing);
        await db.SaveChangesAsync();
        return listing.Id;
    });

    /// <summary>A member reports the profile shown to members: the managers read the reason.</summary>
    private Task<int> ReportAsync(Net net) => App.WithDbAsync(async db =>
    {
        var report = new Report
        {
            ReporterUserId = net.Hidden.Id, ProfileId = net.MembersProfile, CreatedAtUtc = App.Clock.GetUtcNow().UtcDateTime,
            Reason = Text(net.Side, LeakGroup.Membership, "le motif d'un signalement", "Démarchage"),
        };
        db.Reports().Add(report);
        await db.SaveChangesAsync();
        return report.Id;
    });

    /// <summary>The member writes to the owner of the profile shown to members.</summary>
    private Task<int> NewConversationAsync(Net net) => App.WithDbAsync(async db =>
    {
        var now = App.Clock.GetUtcNow().UtcDateTime;
        var conversation = new NetworkConversation
        {
            StarterUserId = net.Member.Id, RecipientUserId = net.ProfileOwner.Id, RecipientProfileId = net.MembersProfile,
            Subject = Text(net.Side, LeakGroup.Private, "le sujet d'une conversation", "Votre site"), CreatedAtUtc = now, LastMessageAtUtc = now,
        };
        conversation.Messages.Add(new NetworkMessage { SenderUserId = net.Member.Id, Body = Text(net.Side, LeakGroup.Private, "un message privé", "Bonjour"), SentAtUtc = now });
        db.Set<NetworkConversation>().Add(conversation);
        await db.SaveChangesAsync();
        return conversation.Id;
    });

    /// <summary>A member who welcomes newcomers (the managers choose among the ambassadors).</summary>
    private async Task<(int Id, string Email)> AmbassadorAsync(Net net)
    {
        var person = await PersonAsync(net, Roles.Member, "d'une ambassadrice", LeakGroup.Membership);
        return (await App.WithDbAsync(async db =>
    {
        var ambassador = new Ambassador
        {
            UserId = person.Id, IsActive = true, SinceUtc = App.Clock.GetUtcNow().UtcDateTime.AddDays(-30),
            Sectors = Text(net.Side, LeakGroup.Membership, "les secteurs d'un ambassadeur", "numérique"),
            Communes = Text(net.Side, LeakGroup.Membership, "les communes d'un ambassadeur", net.Main.Commune),
        };
        db.Set<Ambassador>().Add(ambassador);
        await db.SaveChangesAsync();
        return ambassador.Id;
    }), person.Email!);
    }

    private Task<int> NewNewcomerRequestAsync(Net net) => App.WithDbAsync(async db =>
    {
        var now = App.Clock.GetUtcNow().UtcDateTime;
        var request = new NewcomerRequest
        {
            NetworkId = net.NetworkId, Kind = RequestForm.Person, Name = Text(net.Side, LeakGroup.Private, "le nom d'une personne qui veut s'installer", "Arrivante"),
            Organisation = Text(net.Side, LeakGroup.Private, "l'entreprise d'une personne qui veut s'installer", "Atelier"),
            Email = Email(net.Side, "l'adresse d'une personne qui veut s'installer"), Phone = "0600000000", Project = "telework", Needs = "desk",
            Message = Text(net.Side, LeakGroup.Private, "le message d'une personne qui veut s'installer", "Je viens de Lyon."), Status = RequestStatus.New, CreatedAtUtc = now,
        };
        request.History.Add(new RequestEntry { Kind = EntryKind.Received, Text = "Demande reçue.", ToStatus = RequestStatus.New, ByName = request.Name, AtUtc = now });
        request.History.Add(new RequestEntry
        {
            Kind = EntryKind.Note, Text = Text(net.Side, LeakGroup.Private, "la note d'un gestionnaire sur une demande", "Rappeler"),
            ByName = "Gestion", AtUtc = now.AddMinutes(5),
        });
        db.Set<NewcomerRequest>().Add(request);
        await db.SaveChangesAsync();
        return request.Id;
    });

    private Task<int> NewIntroductionAsync(Net net, int requestId) => App.WithDbAsync(async db =>
    {
        var now = App.Clock.GetUtcNow().UtcDateTime;
        var introduction = new Introduction { RequestId = requestId, AmbassadorId = net.Ambassador, CreatedByUserId = net.Member.Id, CreatedAtUtc = now };
        introduction.Messages.Add(new RelayMessage
        {
            FromNewcomer = true, Body = Text(net.Side, LeakGroup.Private, "un message entre une personne qui s'installe et un ambassadeur", "Bonjour"), AtUtc = now,
        });
        db.Set<Introduction>().Add(introduction);
        await db.SaveChangesAsync();
        return introduction.Id;
    });

    private string NewcomerToken(int introductionId) => App.Services.GetRequiredService<NewcomerLinks>().ConversationToken(introductionId);

    private Task<int> NewTestimonyAsync(Net net) => App.WithDbAsync(async db =>
    {
        var testimony = new Testimony
        {
            NetworkId = net.NetworkId, UserId = net.Member.Id, AuthorName = "Sophie M.", Commune = net.Main.Commune, Status = TestimonyStatus.Pending,
            Text = Text(net.Side, LeakGroup.Private, "un témoignage pas encore publié", "Un tiers-lieu accueillant."), ConsentAtUtc = App.Clock.GetUtcNow().UtcDateTime,
        };
        db.Set<Testimony>().Add(testimony);
        await db.SaveChangesAsync();
        return testimony.Id;
    });

    private Task<int> PublishedTestimonyAsync(Net net) => App.WithDbAsync(async db =>
    {
        var now = App.Clock.GetUtcNow().UtcDateTime;
        var testimony = new Testimony
        {
            NetworkId = net.NetworkId, UserId = net.ProfileOwner.Id, AuthorName = "Marc D.", Commune = net.Main.Commune, Status = TestimonyStatus.Published,
            Text = "On y travaille bien.", ConsentAtUtc = now, PublishedAtUtc = now,
        };
        db.Set<Testimony>().Add(testimony);
        await db.SaveChangesAsync();
        return testimony.Id;
    });

    private const string OnePixelPng = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==";

    /// <summary>A section of « Venir travailler » (public).</summary>
    private Task<int> NewSectionAsync(Net net) => App.WithDbAsync(async db =>
    {
        var n = Interlocked.Increment(ref _plain);
        var section = new TerritorySection
        {
            NetworkId = net.NetworkId, Title = $"Se loger {n}", Body = "Des gîtes et des locations à l'année.", SortOrder = 100 + n,
            UpdatedAtUtc = App.Clock.GetUtcNow().UtcDateTime, ImageContentType = "image/png", ImageAlt = "Une maison", ImageVersion = 1,
        };
        db.Set<TerritorySection>().Add(section);
        await db.SaveChangesAsync();
        db.Set<TerritorySectionImage>().Add(new TerritorySectionImage { SectionId = section.Id, Content = Convert.FromBase64String(OnePixelPng) });
        await db.SaveChangesAsync();
        return section.Id;
    });

    /// <summary>A survey being written (title and question marked).</summary>
    private async Task<(int Id, string Slug, int Question)> NewSurveyAsync(Net net)
    {
        var n = Interlocked.Increment(ref _plain);
        var survey = new Survey
        {
            NetworkId = net.NetworkId, Title = Text(net.Side, LeakGroup.Private, "le titre d'une enquête en préparation", "Enquête"), Slug = $"enquete-{n}",
            IsPublished = false, CreatedAtUtc = App.Clock.GetUtcNow().UtcDateTime,
        };
        survey.Questions.Add(new SurveyQuestion
        {
            Kind = QuestionKind.ShortText, Text = Text(net.Side, LeakGroup.Private, "une question d'une enquête en préparation", "Qu'attendez-vous ?"), Position = 1,
        });
        await App.WithDbAsync(async db => { db.Surveys.Add(survey); return await db.SaveChangesAsync(); });
        return (survey.Id, survey.Slug, survey.Questions[0].Id);
    }

    /// <summary>A published survey whose figures are public, and a counted answer whose free text is not.</summary>
    private async Task<(int Id, string Slug, int Question)> AnsweredSurveyAsync(Net net)
    {
        var n = Interlocked.Increment(ref _plain);
        var now = App.Clock.GetUtcNow().UtcDateTime;
        var survey = new Survey
        {
            NetworkId = net.NetworkId, Title = $"Vos besoins {n}", Slug = $"besoins-{n}", IsPublished = true, ResultsPublic = true, CreatedAtUtc = now.AddDays(-20),
        };
        survey.Questions.Add(new SurveyQuestion { Kind = QuestionKind.LongText, Text = "Que vous manque-t-il ?", Position = 1 });
        await App.WithDbAsync(async db => { db.Surveys.Add(survey); return await db.SaveChangesAsync(); });
        await App.WithDbAsync(async db =>
        {
            var email = Email(net.Side, "l'adresse d'une personne qui a répondu à une enquête", shownNowhere: true);
            var response = new SurveyResponse
            {
                SurveyId = survey.Id, Token = Guid.NewGuid().ToString("N"), Status = ResponseStatus.Complete, StartedAtUtc = now.AddDays(-2),
                SubmittedAtUtc = now.AddDays(-2), Email = email, ConfirmedEmail = email,
            };
            response.Answers.Add(new SurveyAnswer
            {
                QuestionId = survey.Questions[0].Id, Text = Text(net.Side, LeakGroup.Private, "la réponse libre d'une personne à une enquête", "Une crèche."),
            });
            db.SurveyResponses.Add(response);
            return await db.SaveChangesAsync();
        });
        return (survey.Id, survey.Slug, survey.Questions[0].Id);
    }

    // ── The people of network 2 who ask ────────────────────────────────────────────────────────────────────

    /// <summary>Signs the asker in (again, after a request that signed them out).</summary>
    public async Task SignInAsync(Asker asker)
    {
        var two = _nets[Side.Two];
        var email = asker switch
        {
            Asker.Manager => two.Manager!.Email!,
            Asker.Host => two.Host.Email!,
            _ => two.Member.Email!,
        };
        var client = App.Browser();
        await client.SignInAsync(email);
        var home = await client.GetDocumentAsync("/");
        _tokens[asker] = home.QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value")
            ?? throw new InvalidOperationException("No antiforgery token on the home page");
        if (_clients.TryGetValue(asker, out var old))
        {
            old.Dispose();
        }
        _clients[asker] = client;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var client in _clients.Values.Concat(Insiders).Concat(_nets.Values.SelectMany(n => new[] { n.MemberApi, n.HostApi })))
        {
            client?.Dispose();
        }
        await App.DisposeAsync();
    }
}
