using Cotravail.Web.Features.Sites;

namespace Cotravail.Web.Data;

/// <summary>The three demo sites, plausible for the Lot valley (addresses are illustrative).</summary>
internal static class DemoNetwork
{
    public static Network Build()
    {
        var network = new Network
        {
            Name = "Vallée du Lot et du Vignoble",
            Slug = DemoData.NetworkSlug,
            LegalName = "Communauté de communes de la Vallée du Lot et du Vignoble",
            LegalAddress = "Place de la Mairie, 46140 Luzech",
            ContactEmail = "tiers-lieux@cotravail.test",
            Siret = "20006654600017", // illustrative, with a valid check key
            EpciSiren = "244600433", // CC de la Vallée du Lot et du Vignoble
            VatNumber = "FR25200066546",
            Iban = "FR7630001000640000012345618", // illustrative, with a valid check
            Bic = "BDFEFRPPCCT",
            VatRateBasisPoints = 2000,
        };
        network.Sites.Add(Luzech());
        network.Sites.Add(Prayssac());
        network.Sites.Add(PuyLEveque());
        return network;
    }

    private static Site Luzech()
    {
        var site = NewSite("Tiers-lieu de Luzech", "luzech", "Luzech", "46140", "8 rue du Port, 46140 Luzech", 200,
            "Un grand plateau lumineux au cœur du bourg, entre le Lot et l'Impernal : espace partagé, bureaux fermés, " +
            "salle de réunion et cabine pour téléphoner au calme. Un·e animateur·rice vous accueille en journée.",
            1000, 500, stepFree: true,
            "Boulangerie à 50 m\nBureau de poste à 200 m\nPharmacie à 150 m\nMarché le mercredi matin\nArrêt de car ligne Cahors – Fumel à 100 m");
        site.Resources.Add(Res(ResourceKind.DeskPool, "Espace partagé", 12, 0));
        site.Resources.Add(Res(ResourceKind.PrivateOffice, "Bureau de l'Impernal", 2, 1));
        site.Resources.Add(Res(ResourceKind.PrivateOffice, "Bureau du Pont", 2, 2));
        site.Resources.Add(Res(ResourceKind.MeetingRoom, "Salle du Barrage", 8, 3));
        site.Resources.Add(Res(ResourceKind.PhoneBooth, "Cabine téléphonique", 1, 4));
        AddHours(site, DaysOfWeek.All, new TimeOnly(8, 0), new TimeOnly(22, 0));
        return site;
    }

    private static Site Prayssac()
    {
        var site = NewSite("Tiers-lieu de Prayssac", "prayssac", "Prayssac", "46220", "2 place d'Istanbul, 46220 Prayssac", 100,
            "Un espace à taille humaine sur la place du village, à deux pas des commerces : " +
            "six postes en espace partagé, deux bureaux privatifs, une salle de réunion.",
            300, 100, stepFree: true,
            "Commerces et cafés sur la place\nMarché le vendredi matin\nMédiathèque à 300 m");
        site.Resources.Add(Res(ResourceKind.DeskPool, "Espace partagé", 6, 0));
        site.Resources.Add(Res(ResourceKind.PrivateOffice, "Bureau des Vignes", 1, 1));
        site.Resources.Add(Res(ResourceKind.PrivateOffice, "Bureau du Causse", 2, 2));
        site.Resources.Add(Res(ResourceKind.MeetingRoom, "Salle de la Place", 6, 3));
        site.Resources.Add(Res(ResourceKind.PhoneBooth, "Cabine téléphonique", 1, 4));
        AddHours(site, DaysOfWeek.All, new TimeOnly(8, 0), new TimeOnly(22, 0));
        return site;
    }

    private static Site PuyLEveque()
    {
        var site = NewSite("Petit tiers-lieu de Puy-l'Évêque", "puy-l-eveque", "Puy-l'Évêque", "46700", "14 Grand'Rue, 46700 Puy-l'Évêque", 45,
            "Une maison de village rénovée au-dessus des quais : quatre postes de travail et une petite salle de réunion. " +
            "Accès par un escalier.",
            100, 20, stepFree: false,
            "Boulangerie et épicerie dans la Grand'Rue\nGare de Puy-l'Évêque à 1 km");
        site.Resources.Add(Res(ResourceKind.DeskPool, "Espace partagé", 4, 0));
        site.Resources.Add(Res(ResourceKind.MeetingRoom, "Salle des Quais", 6, 1));
        AddHours(site, DaysOfWeek.MondayToSaturday, new TimeOnly(8, 0), new TimeOnly(22, 0));
        return site;
    }

    private static Site NewSite(string name, string slug, string commune, string postcode, string address, int area,
        string description, int down, int up, bool stepFree, string services) => new()
        {
            Name = name, Slug = slug, Commune = commune, Postcode = postcode, Address = address,
            AreaSquareMetres = area, Description = description, InternetDownMbps = down, InternetUpMbps = up,
            StepFreeAccess = stepFree, ServicesNearby = services, DayPriceCents = 1500,
            ContactEmail = $"{slug}@cotravail.test", TimeZone = "Europe/Paris", ClosedOnPublicHolidays = true,
        };

    private static Resource Res(ResourceKind kind, string name, int capacity, int order) =>
        new() { Kind = kind, Name = name, Capacity = capacity, SortOrder = order };

    private static void AddHours(Site site, IEnumerable<DayOfWeek> days, TimeOnly opens, TimeOnly closes)
    {
        foreach (var d in days)
        {
            site.OpeningHours.Add(new OpeningHours { Day = d, Opens = opens, Closes = closes });
        }
    }
}

internal static class DaysOfWeek
{
    public static readonly DayOfWeek[] All = Enum.GetValues<DayOfWeek>();

    public static readonly DayOfWeek[] MondayToSaturday =
        [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday, DayOfWeek.Saturday];
}
