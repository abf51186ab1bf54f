using System.Globalization;
using Bogus;

namespace Cotravail.Bench;

/// <summary>
/// A national network: sites with a desk pool and a meeting room, members living near their site, a year of presence
/// (each visit either a booking honoured or a walk-in, never more than the site's desks on a day), bookings for the next
/// four weeks, events with registrations. Ids are written explicitly so that rows can point at each other without
/// reading anything back; the same seed always gives the same data.
/// </summary>
internal sealed class NationalNetwork(Bulk db, Options o)
{
    private const int Days = 365;
    private static readonly TimeZoneInfo Paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");
    private readonly Faker _faker = new("fr") { Random = new Randomizer(o.Seed) };
    private readonly DateOnly _first = o.Today.AddDays(-Days);

    private int[] _siteId = [], _deskId = [], _capacity = [];
    private string[] _postcode = [];
    private int[][] _openDays = [];
    private string[] _userId = [];
    private int[] _visitorId = [], _home = [], _yearly = [];
    private string[] _memberPostcode = [];
    private long _bookingBase, _visitBase;

    public async Task SitesAsync()
    {
        var template = await db.ScalarAsync<int>("SELECT \"Id\" FROM \"Sites\" WHERE \"Slug\" = 'banc-d-essai'");
        var network = await db.ScalarAsync<int>(
            "INSERT INTO \"Networks\" (\"Name\", \"Slug\", \"LegalName\", \"LegalAddress\", \"VatRateBasisPoints\", \"PaymentTermsDays\", \"InvoicePrefix\") " +
            "VALUES ('Tiers-lieux de France', 'national', 'Réseau national des tiers-lieux', '75001 Paris', 2000, 30, 'N') RETURNING \"Id\"");
        var siteBase = await db.ScalarAsync<int>("SELECT COALESCE(MAX(\"Id\"), 0) + 1 FROM \"Sites\"");
        var resourceBase = await db.ScalarAsync<int>("SELECT COALESCE(MAX(\"Id\"), 0) + 1 FROM \"Resources\"");
        var hoursBase = await db.ScalarAsync<int>("SELECT COALESCE(MAX(\"Id\"), 0) + 1 FROM \"OpeningHours\"");
        // Every other column (prices, booking rules, time zone) as the app's defaults, copied from the bench site.
        await db.ExecAsync($"CREATE TEMP TABLE site_template AS SELECT * FROM \"Sites\" WHERE \"Id\" = {template}");
        (_siteId, _deskId, _capacity, _postcode, _openDays) = (new int[o.Sites], new int[o.Sites], new int[o.Sites], new string[o.Sites], new int[o.Sites][]);
        await db.ExecAsync("CREATE TEMP TABLE site_names (\"Id\" integer, \"Name\" text, \"Slug\" text, \"Commune\" text, \"Postcode\" text, \"Address\" text)");
        await using (var names = await db.TableAsync("site_names", "Id", "Name", "Slug", "Commune", "Postcode", "Address"))
        {
            for (var i = 0; i < o.Sites; i++)
            {
                var city = _faker.Address.City();
                _siteId[i] = siteBase + i;
                _postcode[i] = _faker.Random.Int(1, 95).ToString("00", CultureInfo.InvariantCulture) + _faker.Random.Int(0, 999).ToString("000", CultureInfo.InvariantCulture);
                await names.RowAsync(_siteId[i], $"Tiers-lieu de {city} ({i + 1})", $"tl-{i + 1}", city, _postcode[i], $"{_faker.Address.StreetAddress()}, {_postcode[i]} {city}");
            }
        }
        await db.ExecAsync(
            $"""
            INSERT INTO "Sites" ("Id", "NetworkId", "Name", "Slug", "Commune", "Postcode", "Address", "Description", "AreaSquareMetres",
              "InternetDownMbps", "InternetUpMbps", "StepFreeAccess", "ServicesNearby", "ContactEmail", "Phone", "TimeZone", "DayPriceCents",
              "HalfDayPriceCents", "OfficeDayPriceCents", "OfficeHalfDayPriceCents", "RoomHourPriceCents", "BoothHourPriceCents",
              "BookingHorizonDays", "HalfDaySplit", "NoShowTime", "DeskCancelCutoff", "RoomCancelNoticeMinutes", "ClosedOnPublicHolidays",
              "ChargeLateCancellations", "ChargeNoShows", "IsArchived")
            SELECT n."Id", {network}, n."Name", n."Slug", n."Commune", n."Postcode", n."Address",
              t."Description", t."AreaSquareMetres", t."InternetDownMbps", t."InternetUpMbps", t."StepFreeAccess", t."ServicesNearby", t."ContactEmail",
              t."Phone", t."TimeZone", t."DayPriceCents", t."HalfDayPriceCents", t."OfficeDayPriceCents", t."OfficeHalfDayPriceCents",
              t."RoomHourPriceCents", t."BoothHourPriceCents", 30, t."HalfDaySplit", t."NoShowTime", t."DeskCancelCutoff",
              t."RoomCancelNoticeMinutes", {(db.IsPostgres ? "false" : "0")}, t."ChargeLateCancellations", t."ChargeNoShows", t."IsArchived"
            FROM site_names n CROSS JOIN site_template t
            """);
        await using (var resources = await db.TableAsync("Resources", "Id", "SiteId", "Kind", "Name", "Capacity", "IsArchived", "SortOrder"))
        {
            for (var i = 0; i < o.Sites; i++)
            {
                _deskId[i] = resourceBase + (2 * i);
                _capacity[i] = _faker.Random.Int(12, 40);
                await resources.RowAsync(_deskId[i], _siteId[i], 0, "Espace partagé", _capacity[i], false, 0);
                await resources.RowAsync(_deskId[i] + 1, _siteId[i], 2, "Salle de réunion", 8, false, 1);
            }
        }
        var id = hoursBase;
        await using (var hours = await db.TableAsync("OpeningHours", "Id", "SiteId", "Day", "Opens", "Closes"))
        {
            for (var i = 0; i < o.Sites; i++)
            {
                var saturday = i % 3 == 0;
                for (var day = 1; day <= (saturday ? 6 : 5); day++)
                {
                    await hours.RowAsync(id++, _siteId[i], day, new TimeOnly(8, 30), new TimeOnly(18, 30));
                }
                _openDays[i] = [.. Enumerable.Range(0, Days + 28).Where(d => _first.AddDays(d).DayOfWeek is var w && w != DayOfWeek.Sunday && (saturday || w != DayOfWeek.Saturday))];
            }
        }
        foreach (var table in new[] { "Sites", "Resources", "OpeningHours" })
        {
            await db.ResetIdentityAsync(table);
        }
    }

    public async Task MembersAsync()
    {
        var hash = await db.ScalarAsync<string>("SELECT \"PasswordHash\" FROM \"AspNetUsers\" WHERE \"Email\" = 'bench-0@cotravail.test'");
        var role = await db.ScalarAsync<string>("SELECT \"Id\" FROM \"AspNetRoles\" WHERE \"Name\" = 'Member'");
        var visitorBase = await db.ScalarAsync<int>("SELECT COALESCE(MAX(\"Id\"), 0) + 1 FROM \"Visitors\"");
        var n = o.Members;
        (_userId, _visitorId, _home, _yearly, _memberPostcode) = (new string[n], new int[n], new int[n], new int[n], new string[n]);
        var random = new Random(o.Seed);
        var names = new (string First, string Last)[n];
        long total = 0;
        for (var i = 0; i < n; i++)
        {
            _userId[i] = new Guid(random.GetItems<byte>(Enumerable.Range(0, 256).Select(b => (byte)b).ToArray(), 16)).ToString();
            _visitorId[i] = visitorBase + i;
            _home[i] = random.Next(o.Sites);
            _memberPostcode[i] = random.Next(100) < 85 ? _postcode[_home[i]] : _postcode[random.Next(o.Sites)];
            // A fifth are regulars (about twice a week), half come once or twice a month, the rest a few times a year.
            _yearly[i] = random.Next(100) switch { < 20 => random.Next(60, 140), < 70 => random.Next(10, 30), _ => random.Next(1, 8) };
            total += _yearly[i];
            names[i] = (_faker.Name.FirstName(), _faker.Name.LastName());
        }
        var scale = (double)o.Visits / Math.Max(1, total);
        for (var i = 0; i < n; i++)
        {
            _yearly[i] = Math.Clamp((int)Math.Round(_yearly[i] * scale), 0, _openDays[_home[i]].Count(d => d < Days));
        }
        var created = _first.AddDays(-400).ToDateTime(new TimeOnly(9, 0), DateTimeKind.Utc);
        await using (var users = await db.TableAsync("AspNetUsers", "Id", "FirstName", "LastName", "Postcode", "CreatedAtUtc", "UserName",
            "NormalizedUserName", "Email", "NormalizedEmail", "EmailConfirmed", "PasswordHash", "SecurityStamp", "ConcurrencyStamp",
            "PhoneNumberConfirmed", "TwoFactorEnabled", "LockoutEnabled", "AccessFailedCount"))
        {
            for (var i = 0; i < n; i++)
            {
                var email = $"membre-{i}@national.test";
                await users.RowAsync(_userId[i], names[i].First, names[i].Last, _memberPostcode[i], created.AddMinutes(i * 2), email,
                    email.ToUpperInvariant(), email, email.ToUpperInvariant(), true, hash, $"S{i:D31}", $"C{i:D35}", false, false, true, 0);
            }
        }
        await using (var roles = await db.TableAsync("AspNetUserRoles", "UserId", "RoleId"))
        {
            for (var i = 0; i < n; i++)
            {
                await roles.RowAsync(_userId[i], role);
            }
        }
        await using (var visitors = await db.TableAsync("Visitors", "Id", "UserId", "FirstName", "LastName", "SearchKey", "Email", "Postcode", "CreatedAtUtc"))
        {
            for (var i = 0; i < n; i++)
            {
                await visitors.RowAsync(_visitorId[i], _userId[i], names[i].First, names[i].Last,
                    $"{names[i].First} {names[i].Last}".ToLowerInvariant(), $"membre-{i}@national.test", _memberPostcode[i], created);
            }
        }
        await db.ResetIdentityAsync("Visitors");
    }

    private readonly record struct Presence(int Member, int Site, int Day, long BookingId, long VisitId);

    /// <summary>The year of presence, the same at every call (each table is written in its own pass).</summary>
    private IEnumerable<Presence> Year(int[] taken)
    {
        Array.Clear(taken);
        var random = new Random(o.Seed + 1);
        var bookedShare = Math.Min(1.0, o.Bookings * 0.95 / Math.Max(1, o.Visits));
        long bookings = 0, visits = 0;
        for (var m = 0; m < _home.Length; m++)
        {
            var site = _home[m];
            var open = _openDays[site];
            var past = open.Count(d => d < Days);
            var count = _yearly[m];
            if (count == 0)
            {
                continue;
            }
            var stride = (double)past / count;
            var offset = random.NextDouble() * stride;
            for (var j = 0; j < count; j++)
            {
                var day = open[Math.Min(past - 1, (int)(offset + (j * stride)))];
                var booked = random.NextDouble() < bookedShare;
                if (taken[(site * (Days + 28)) + day] >= _capacity[site])
                {
                    continue;
                }
                taken[(site * (Days + 28)) + day]++;
                yield return new Presence(m, site, day, booked ? _bookingBase + bookings++ : 0, _visitBase + visits++);
            }
        }
    }

    /// <summary>Bookings of the next four weeks (no visit yet).</summary>
    private IEnumerable<Presence> Ahead(int[] taken, long firstId)
    {
        var random = new Random(o.Seed + 2);
        var count = Math.Max(0, o.Bookings - (long)(o.Bookings * 0.95));
        var seen = new HashSet<(int, int)>();
        for (long k = 0; k < count; k++)
        {
            var m = random.Next(_home.Length);
            var site = _home[m];
            var day = Days + random.Next(28);
            if (!_openDays[site].Contains(day) || taken[(site * (Days + 28)) + day] >= _capacity[site] || !seen.Add((m, day)))
            {
                continue;
            }
            taken[(site * (Days + 28)) + day]++;
            yield return new Presence(m, site, day, firstId + k, 0);
        }
    }

    public async Task PresenceAsync()
    {
        _bookingBase = await db.ScalarAsync<long>("SELECT COALESCE(MAX(\"Id\"), 0) + 1 FROM \"Bookings\"");
        _visitBase = await db.ScalarAsync<long>("SELECT COALESCE(MAX(\"Id\"), 0) + 1 FROM \"Visits\"");
        var taken = new int[o.Sites * (Days + 28)];
        var aheadBase = _bookingBase + o.Bookings + 1;
        IEnumerable<Presence> Booked() => Year(taken).Where(p => p.BookingId > 0).Concat(Ahead(taken, aheadBase));
        await using (var bookings = await db.TableAsync("Bookings", "Id", "SiteId", "ResourceId", "UserId", "Date", "Period", "LocalStart", "LocalEnd",
            "StartUtc", "EndUtc", "Status", "PriceCents", "CreatedAtUtc"))
        {
            foreach (var p in Booked())
            {
                var date = _first.AddDays(p.Day);
                var start = Utc(date, new TimeOnly(8, 30));
                await bookings.RowAsync((int)p.BookingId, _siteId[p.Site], _deskId[p.Site], _userId[p.Member], date, 2, new TimeOnly(8, 30), new TimeOnly(18, 30),
                    start, start.AddHours(10), 0, 1500, start.AddDays(-7));
            }
        }
        await using (var halves = await db.TableAsync("BookedHalves", "ResourceId", "Date", "Half", "UserId", "BookingId"))
        {
            foreach (var p in Booked())
            {
                var date = _first.AddDays(p.Day);
                await halves.RowAsync(_deskId[p.Site], date, 0, _userId[p.Member], (int)p.BookingId);
                await halves.RowAsync(_deskId[p.Site], date, 1, _userId[p.Member], (int)p.BookingId);
            }
        }
        await using (var visits = await db.TableAsync("Visits", "Id", "SiteId", "VisitorId", "UserId", "Date", "ArrivedAtUtc", "DepartedAtUtc", "Postcode",
            "Kind", "BookingId", "ResourceId", "Pass"))
        {
            foreach (var p in Year(taken))
            {
                var date = _first.AddDays(p.Day);
                var arrived = Utc(date, new TimeOnly(8, 30)).AddMinutes(p.VisitId % 120);
                await visits.RowAsync((int)p.VisitId, _siteId[p.Site], _visitorId[p.Member], _userId[p.Member], date, arrived, arrived.AddHours(8),
                    _memberPostcode[p.Member], p.BookingId > 0 ? 0 : 1, p.BookingId > 0 ? (int)p.BookingId : null, _deskId[p.Site],
                    p.BookingId > 0 ? "Réservation" : "Pass journée");
            }
        }
        _ = Booked().Count(); // the counters of the desks: every presence and booking ahead, once
        await using (var desks = await db.TableAsync("DeskDays", "ResourceId", "Date", "Morning", "Afternoon"))
        {
            for (var s = 0; s < o.Sites; s++)
            {
                for (var d = 0; d < Days + 28; d++)
                {
                    if (taken[(s * (Days + 28)) + d] is var n and > 0)
                    {
                        await desks.RowAsync(_deskId[s], _first.AddDays(d), n, n);
                    }
                }
            }
        }
        await db.ResetIdentityAsync("Bookings");
        await db.ResetIdentityAsync("Visits");
    }

    public async Task EventsAsync()
    {
        var eventBase = await db.ScalarAsync<int>("SELECT COALESCE(MAX(\"Id\"), 0) + 1 FROM \"Events\"");
        var random = new Random(o.Seed + 3);
        var bySite = Enumerable.Range(0, _home.Length).ToLookup(m => _home[m]);
        var registrations = new List<(int Event, int Member, DateTime Start, bool Past)>();
        await using (var events = await db.TableAsync("Events", "Id", "SiteId", "Kind", "Title", "Description", "StartUtc", "EndUtc", "Capacity", "Registered",
            "LastWaitlistPosition", "PriceCents", "Audience", "OrganiserKind", "OrganiserName", "RegistrationCloseMinutes", "Status", "CreatedAtUtc"))
        {
            for (var e = 0; e < o.Events; e++)
            {
                var site = e % o.Sites;
                var date = _first.AddDays(random.Next(Days + 28));
                var start = Utc(date, new TimeOnly(random.Next(2) == 0 ? 10 : 18, 0));
                var people = bySite[site].OrderBy(_ => random.Next()).Take(random.Next(0, 16)).ToList();
                registrations.AddRange(people.Select(m => (eventBase + e, m, start, date < o.Today)));
                await events.RowAsync(eventBase + e, _siteId[site], random.Next(6), _faker.Company.CatchPhrase(), "Événement du réseau national.", start, start.AddHours(2),
                    20, people.Count, 0, 0, 0, 0, "L'équipe du tiers-lieu", 120, 1, start.AddDays(-30));
            }
        }
        await using (var regs = await db.TableAsync("EventRegistrations", "EventId", "UserId", "Name", "Email", "Status", "PriceCents", "CreatedAtUtc", "ConfirmedAtUtc", "Attended"))
        {
            foreach (var (ev, m, start, past) in registrations)
            {
                await regs.RowAsync(ev, _userId[m], $"Membre {m}", $"membre-{m}@national.test", 1, 0, start.AddDays(-10), start.AddDays(-10), past ? true : null);
            }
        }
        await db.ResetIdentityAsync("Events");
        await db.ResetIdentityAsync("EventRegistrations");
    }

    private static DateTime Utc(DateOnly date, TimeOnly time) =>
        TimeZoneInfo.ConvertTimeToUtc(date.ToDateTime(time, DateTimeKind.Unspecified), Paris);
}
