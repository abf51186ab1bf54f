using Cotravail.Web.Features.Accounts;

namespace Cotravail.Web.Data;

/// <summary>The members of the demo year: names, postcodes weighted as in the brief's survey, and how often each comes.</summary>
internal static class DemoPeople
{
    private static readonly string[] FirstNames =
        ["Camille", "Léa", "Manon", "Chloé", "Inès", "Julie", "Sarah", "Emma", "Lucie", "Anaïs", "Nathalie", "Sandrine", "Isabelle",
         "Thomas", "Nicolas", "Julien", "Maxime", "Antoine", "Hugo", "Lucas", "Pierre", "Mathieu", "Olivier", "Laurent", "Bruno", "Éric"];

    private static readonly string[] LastNames =
        ["Bouzou", "Lacoste", "Delpech", "Cayla", "Marty", "Vidal", "Fabre", "Bessières", "Lafage", "Roques", "Garrigues", "Calmels",
         "Rességuier", "Soulié", "Delmas", "Couderc", "Bouscarel", "Lagarde", "Carrière", "Lacombe", "Pélissié", "Vayssié", "Malbec"];

    /// <summary>(postcode, weight in percent): 46140 38 %, 46700 27 %, 46220 13 % as in the brief; the rest from around.</summary>
    private static readonly (string Postcode, int Weight)[] Postcodes =
        [("46140", 38), ("46700", 27), ("46220", 13), ("46000", 6), ("46090", 4), ("46150", 4), ("46800", 3), ("47500", 3), ("24000", 2)];

    /// <summary>The commune that gives a postcode its name, where most of its people live.</summary>
    private static readonly Dictionary<string, string> MainCommunes = new(StringComparer.Ordinal)
    {
        ["46140"] = "Luzech", ["46700"] = "Puy-l'Évêque", ["46220"] = "Prayssac", ["46000"] = "Cahors", ["46090"] = "Mercuès",
        ["46150"] = "Catus", ["46800"] = "Montcuq-en-Quercy-Blanc", ["47500"] = "Fumel", ["24000"] = "Périgueux",
    };

    /// <summary>
    /// The commune of the <paramref name="n"/>th person at <paramref name="postcode"/> (ADR 0051): one in five gave only a
    /// postcode; of the others, two in three live in the postcode's main commune, the rest in its other communes. Chosen
    /// from <paramref name="n"/>, not the seed's random numbers, so the rest of the demo stays as it was.
    /// </summary>
    public static Common.Commune? Commune(string postcode, int n)
    {
        var communes = Common.Communes.AtPostcode(postcode);
        if (n % 5 == 4 || communes.Count == 0)
        {
            return null;
        }
        var main = MainCommunes.TryGetValue(postcode, out var name) ? Common.Communes.FindCommune(postcode, name) : null;
        return main is not null && n % 3 != 0 ? main : communes[n / 5 % communes.Count];
    }

    public static string Name(Random random, string[] names) => names[random.Next(names.Length)];

    public static (string First, string Last) FullName(Random random) => (Name(random, FirstNames), Name(random, LastNames));

    public static string Postcode(Random random)
    {
        var n = random.Next(100);
        foreach (var (postcode, weight) in Postcodes)
        {
            if ((n -= weight) < 0)
            {
                return postcode;
            }
        }
        return Postcodes[0].Postcode;
    }

    /// <summary>Chance to come on an open day: regulars about twice a week, occasional people once or twice a month, the rest rarely.</summary>
    public static double Frequency(Random random) => random.Next(100) switch
    {
        < 35 => 0.30 + (random.NextDouble() * 0.25),
        < 80 => 0.04 + (random.NextDouble() * 0.06),
        _ => 0.01,
    };

    public static AppUser User(Random random, int n, DateTime createdUtc)
    {
        var (first, last) = FullName(random);
        var email = $"{Plain(first)}.{Plain(last)}.{n}@exemple.test";
        var bytes = new byte[16];
        random.NextBytes(bytes);
        var postcode = Postcode(random);
        var commune = Commune(postcode, n);
        return new AppUser
        {
            Id = new Guid(bytes).ToString(), UserName = email, NormalizedUserName = email.ToUpperInvariant(), Email = email,
            NormalizedEmail = email.ToUpperInvariant(), EmailConfirmed = true, FirstName = first, LastName = last,
            Postcode = postcode, Commune = commune?.Name, CommuneInsee = commune?.Insee, CreatedAtUtc = createdUtc, SecurityStamp = new Guid(bytes).ToString("N"),
            ConcurrencyStamp = new Guid(bytes).ToString("D"),
        };
    }

    private static string Plain(string name) => Common.Communes.Normalise(name).Replace(' ', '-').Replace('\'', '-');
}
