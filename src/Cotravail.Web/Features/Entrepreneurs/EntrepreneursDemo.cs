using Cotravail.Web.Data;
using Cotravail.Web.Features.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Web.Features.Entrepreneurs;

/// <summary>
/// About thirty plausible profiles of the valley (people, companies, associations), some public, some for members
/// only, some hidden, and a dozen offers and needs. Their accounts have no password (nobody signs in as them) and
/// are written in one go, so the seed stays fast. The demo member Sophie Martin gets a members' profile too.
/// </summary>
public sealed class EntrepreneursDemo(AppDbContext db, TimeProvider clock)
{
    public const string Domain = "reseau.cotravail.test";

    private sealed record Seed(string First, string Last, ProfileKind Kind, string Name, string Sector, string Skills, string Postcode,
        string Commune, Visibility Visibility, string Presentation, string Offers, string Seeks, string? Website = null);

    private static readonly Seed[] People =
    [
        new("Marc", "Bouysset", ProfileKind.Company, "Bouysset Écoconstruction", "F", "écoconstruction, ossature bois, isolation paille, charpente", "46220", "Prayssac", Visibility.Public,
            "Entreprise de **construction écologique** installée à Prayssac depuis 2012 : maisons à ossature bois, rénovation, isolation en paille et chanvre.", "Chantiers de rénovation, conseils en matériaux biosourcés", "Un·e dessinateur·rice pour des plans 3D", "https://bouysset-ecoconstruction.example"),
        new("Léa", "Vidal", ProfileKind.Person, "Léa Vidal — création de sites web", "J", "création de sites web, WordPress, référencement, accessibilité numérique", "46140", "Luzech", Visibility.Public,
            "Webdesigner indépendante à Luzech. Je crée des sites **simples, rapides et accessibles** pour les artisans et les associations.", "Sites vitrines, boutiques en ligne, formation à la mise à jour", "Un·e photographe pour des reportages chez mes clients", "https://lea-vidal.example"),
        new("Anne", "Lacombe", ProfileKind.Person, "Anne Lacombe, traductrice", "M", "traduction, anglais, allemand, relecture", "46700", "Puy-l'Évêque", Visibility.Public,
            "Traductrice anglais et allemand → français, spécialisée dans le tourisme et le vin.", "Traduction de sites, de fiches produits et de menus", "Des contacts dans les domaines viticoles"),
        new("Pierre", "Maury", ProfileKind.Company, "Miellerie des Coteaux", "A", "apiculture, miel, pollinisation, vente directe", "46700", "Duravel", Visibility.Public,
            "Apiculteur à Duravel : 150 ruches sur les coteaux du Lot, miel de châtaignier et de printemps.", "Location de ruches pour la pollinisation, miel pour les cadeaux d'entreprise", "Un point de vente à Cahors"),
        new("Isabelle", "Roques", ProfileKind.Company, "Cabinet Roques Expertise comptable", "M", "comptabilité, fiscalité, création d'entreprise, paie", "46220", "Prayssac", Visibility.Public,
            "Cabinet d'expertise comptable : accompagnement des artisans, commerçants et professions libérales de la vallée.", "Bilans, déclarations, accompagnement à la création", "Un local partagé deux jours par semaine"),
        new("Claire", "Fabre", ProfileKind.Association, "Association Lot'Entreprendre", "S", "réseau, accompagnement, création d'entreprise, événements", "46140", "Luzech", Visibility.Public,
            "Association des entrepreneurs de la vallée du Lot : rencontres mensuelles, parrainage, entraide.", "Petits-déjeuners d'entrepreneurs, parrainage des nouveaux installés", "Des bénévoles pour l'organisation des rencontres"),
        new("Julie", "Cazals", ProfileKind.Person, "Julie Cazals Photographie", "M", "photographie, reportage, portrait, photo culinaire", "46220", "Pescadoires", Visibility.Public,
            "Photographe : portraits professionnels, reportages d'entreprise et photos de produits.", "Séances photo pour sites web et catalogues", "Un studio à partager"),
        new("Thomas", "Delpech", ProfileKind.Person, "Thomas Delpech, développeur", "J", "développement logiciel, C#, applications mobiles, bases de données", "46140", "Douelle", Visibility.Members,
            "Développeur indépendant, en télétravail depuis Douelle pour des clients à Toulouse et à Bordeaux.", "Applications métier, automatisation", "Un·e webdesigner pour des interfaces"),
        new("Nathalie", "Boisset", ProfileKind.Company, "Domaine Boisset", "A", "viticulture, vin de Cahors, œnotourisme, export", "46700", "Vire-sur-Lot", Visibility.Public,
            "Domaine familial en AOC Cahors, 18 hectares de malbec en agriculture biologique.", "Visites et dégustations pour les séminaires", "Une traduction anglaise de notre site"),
        new("Karim", "Benali", ProfileKind.Person, "Karim Benali — électricien", "F", "électricité, domotique, photovoltaïque, dépannage", "46220", "Prayssac", Visibility.Public,
            "Électricien qualifié, installations neuves et rénovation, panneaux solaires.", "Installations électriques, bornes de recharge", "Un maçon pour des chantiers communs"),
        new("Sandrine", "Calmels", ProfileKind.Person, "Sandrine Calmels, assistante indépendante", "N", "secrétariat, facturation, gestion administrative, relation client", "46140", "Castelfranc", Visibility.Members,
            "Assistante administrative à temps partagé pour les TPE et les artisans.", "Secrétariat, relances, devis et factures", "De nouveaux clients artisans"),
        new("Olivier", "Garrigues", ProfileKind.Company, "Menuiserie Garrigues", "F", "menuiserie, ébénisterie, agencement, bois local", "46700", "Grézels", Visibility.Public,
            "Menuisier ébéniste : agencements sur mesure en bois du Quercy.", "Mobilier sur mesure, agencement de bureaux", "Un atelier plus grand à partager"),
        new("Hélène", "Marty", ProfileKind.Person, "Hélène Marty, formatrice", "P", "formation, bureautique, numérique, accompagnement seniors", "46700", "Puy-l'Évêque", Visibility.Public,
            "Formatrice au numérique pour les particuliers et les petites entreprises.", "Ateliers numériques, formation bureautique", "Des salles de formation dans la vallée"),
        new("Romain", "Couderc", ProfileKind.Person, "Romain Couderc — graphiste", "M", "graphisme, identité visuelle, illustration, mise en page", "46140", "Albas", Visibility.Members,
            "Graphiste : logos, chartes, affiches et étiquettes de vin.", "Identités visuelles, étiquettes", "Un imprimeur local"),
        new("Cécile", "Laborie", ProfileKind.Company, "Gîtes du Vignoble", "I", "hébergement, tourisme, accueil de groupes", "46700", "Touzac", Visibility.Public,
            "Trois gîtes au bord du Lot, accueil de séminaires et de résidences de travail.", "Hébergement pour séminaires, salle de réunion", "Un·e traiteur·rice pour les groupes"),
        new("Vincent", "Pélissié", ProfileKind.Person, "Vincent Pélissié, consultant énergie", "M", "rénovation énergétique, audit, thermique, écoconstruction", "46140", "Luzech", Visibility.Members,
            "Bureau d'études thermiques : audits énergétiques et accompagnement des rénovations.", "Audits, diagnostics, dossiers d'aides", "Des artisans RGE partenaires"),
        new("Émilie", "Séguy", ProfileKind.Person, "Émilie Séguy, traiteur", "I", "traiteur, cuisine locale, buffets, produits du terroir", "46220", "Prayssac", Visibility.Public,
            "Cuisine de saison et produits du Quercy pour vos événements.", "Buffets, repas de séminaire", "Une cuisine professionnelle à partager"),
        new("François", "Lagarde", ProfileKind.Company, "Transports Lagarde", "H", "transport, logistique, livraison, déménagement", "46700", "Montcabrier", Visibility.Members,
            "Petite entreprise de transport et de livraison dans le Lot et le Lot-et-Garonne.", "Livraisons régulières, déménagements de bureaux", "Du fret de retour vers Cahors"),
        new("Aurélie", "Costes", ProfileKind.Person, "Aurélie Costes, juriste", "M", "droit des affaires, contrats, statuts, RGPD", "46140", "Parnac", Visibility.Members,
            "Juriste indépendante : statuts, contrats commerciaux, mise en conformité RGPD.", "Rédaction de contrats et de statuts", "Un bureau à Luzech une fois par semaine"),
        new("Bruno", "Valette", ProfileKind.Person, "Bruno Valette, plombier", "F", "plomberie, chauffage, pompe à chaleur", "46700", "Soturac", Visibility.Public,
            "Plombier chauffagiste, installation de pompes à chaleur et de poêles.", "Dépannage, installations", "Un apprenti"),
        new("Laura", "Bessières", ProfileKind.Person, "Laura Bessières, community manager", "J", "réseaux sociaux, communication, rédaction web", "46220", "Lagardelle", Visibility.Public,
            "Communication sur les réseaux sociaux pour les commerces et les domaines viticoles.", "Animation de pages, calendriers éditoriaux", "Un·e photographe partenaire"),
        new("Michel", "Austruy", ProfileKind.Association, "Repair Café de la Vallée", "S", "réparation, réemploi, électronique, couture", "46140", "Luzech", Visibility.Public,
            "Une fois par mois, des bénévoles réparent avec vous vos objets du quotidien.", "Prêt d'outils, ateliers de réparation", "Des bénévoles bricoleurs"),
        new("Sylvie", "Mercadier", ProfileKind.Person, "Sylvie Mercadier, sophrologue", "Q", "sophrologie, gestion du stress, bien-être au travail", "46700", "Puy-l'Évêque", Visibility.Members,
            "Sophrologue : séances individuelles et ateliers en entreprise.", "Ateliers de gestion du stress", "Une salle calme pour les séances"),
        new("David", "Lafage", ProfileKind.Company, "Lafage Informatique", "G", "informatique, dépannage, réseaux, vente de matériel", "46220", "Prayssac", Visibility.Public,
            "Vente et dépannage informatique, installation de réseaux pour les professionnels.", "Maintenance, prêt de matériel", "Un·e développeur·se pour des petits logiciels"),
        new("Camille", "Rouquié", ProfileKind.Person, "Camille Rouquié, architecte", "M", "architecture, écoconstruction, permis de construire, plans 3D", "46140", "Caillac", Visibility.Hidden,
            "Architecte DPLG, maisons bioclimatiques.", "Plans, permis de construire", "Des entreprises d'écoconstruction"),
        new("Jean", "Cayrou", ProfileKind.Person, "Jean Cayrou, paysagiste", "N", "paysagisme, jardins, élagage", "46700", "Mauroux", Visibility.Hidden,
            "Paysagiste : création et entretien de jardins.", "Entretien d'espaces verts", "Un camion benne à partager"),
        new("Marion", "Teulières", ProfileKind.Person, "Marion Teulières, céramiste", "C", "céramique, poterie, art de la table", "46140", "Bélaye", Visibility.Hidden,
            "Céramiste, vaisselle pour les restaurants.", "Vaisselle sur mesure", "Un four à partager"),
        new("Philippe", "Gineste", ProfileKind.Company, "Gineste Rénovation", "F", "maçonnerie, pierre sèche, rénovation", "46220", "Pescadoires", Visibility.Hidden,
            "Maçonnerie traditionnelle et restauration de murs en pierre sèche.", "Restauration de bâti ancien", "Un électricien partenaire"),
        new("Agnès", "Lacoste", ProfileKind.Person, "Agnès Lacoste, correctrice", "M", "relecture, correction, rédaction", "46700", "Floressas", Visibility.Hidden,
            "Correctrice pour l'édition et les entreprises.", "Relecture de documents", "Des maisons d'édition"),
    ];

    public async Task SeedAsync(CancellationToken ct)
    {
        var suffix = "@" + Domain;
        if (await db.Users.AnyAsync(u => u.Email!.EndsWith(suffix), ct))
        {
            return;
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var today = DirectoryClock.Today(clock);
        var memberRole = await db.Roles.Where(r => r.Name == Roles.Member).Select(r => r.Id).FirstAsync(ct);
        var profiles = new List<Profile>();
        var n = 0;
        foreach (var s in People)
        {
            var email = $"{Slug(s.First)}.{Slug(s.Last)}{suffix}";
            var user = new AppUser
            {
                UserName = email, NormalizedUserName = email.ToUpperInvariant(), Email = email, NormalizedEmail = email.ToUpperInvariant(),
                EmailConfirmed = true, FirstName = s.First, LastName = s.Last, Postcode = s.Postcode, CreatedAtUtc = now.AddDays(-60 + n),
                SecurityStamp = Guid.NewGuid().ToString("N"), ConcurrencyStamp = Guid.NewGuid().ToString(),
                WantsDigest = s.Visibility != Visibility.Hidden && s.Last.Length % 2 == 0,
            };
            db.Users.Add(user);
            db.UserRoles.Add(new IdentityUserRole<string> { UserId = user.Id, RoleId = memberRole });
            profiles.Add(Build(user.Id, s, now.AddDays(-40 + n)));
            n++;
        }
        var sophie = await db.Users.FirstOrDefaultAsync(u => u.Email == "membre@cotravail.test", ct);
        if (sophie is not null && !await db.Profiles().AnyAsync(p => p.OwnerUserId == sophie.Id, ct))
        {
            profiles.Add(Build(sophie.Id, new Seed("Sophie", "Martin", ProfileKind.Person, "Sophie Martin, rédactrice", "J",
                "rédaction web, communication, newsletters", "46140", "Luzech", Visibility.Members,
                "Rédactrice indépendante, je travaille au tiers-lieu de Luzech.", "Rédaction de pages web et de newsletters",
                "Un·e graphiste pour mes clients"), now.AddDays(-3)));
        }
        db.Profiles().AddRange(profiles);
        await db.SaveChangesAsync(ct);
        db.Listings().AddRange(Listings(profiles, today, now));
        await db.SaveChangesAsync(ct);
    }

    private static Profile Build(string userId, Seed s, DateTime at)
    {
        var p = new Profile
        {
            OwnerUserId = userId, Kind = s.Kind, Name = s.Name, Sector = s.Sector, Skills = s.Skills, Postcode = s.Postcode, Commune = s.Commune,
            Website = s.Website, Presentation = s.Presentation, Offers = s.Offers, Seeks = s.Seeks, CreatedAtUtc = at, UpdatedAtUtc = at,
        };
        ProfileEditor.SetVisibility(p, s.Visibility, at);
        p.Index();
        return p;
    }

    private static IEnumerable<Listing> Listings(List<Profile> profiles, DateOnly today, DateTime now)
    {
        Profile By(string name) => profiles.First(p => p.Name.StartsWith(name, StringComparison.Ordinal));
        (string Who, ListingKind Kind, ListingCategory Category, string Title, string Body, string Skills, string? Sector, int Days)[] rows =
        [
            ("Bouysset", ListingKind.Need, ListingCategory.Subcontracting, "Dessinateur·rice pour plans 3D", "Pour trois projets de maisons à ossature bois au printemps, je cherche quelqu'un pour les plans 3D.", "plans 3D, architecture", "M", 60),
            ("Léa Vidal", ListingKind.Offer, ListingCategory.Service, "Site vitrine pour artisans à prix doux", "Un site simple et accessible, livré en trois semaines, avec une formation pour le mettre à jour.", "création de sites web", "J", 90),
            ("Anne Lacombe", ListingKind.Offer, ListingCategory.Service, "Traduction de vos fiches produits en anglais", "Tarif préférentiel pour les membres du réseau.", "traduction, anglais", "M", 45),
            ("Miellerie", ListingKind.Offer, ListingCategory.Equipment, "Prêt d'un extracteur à miel", "Extracteur manuel 4 cadres, à venir chercher à Duravel.", "apiculture", "A", 30),
            ("Domaine Boisset", ListingKind.Need, ListingCategory.Service, "Traduction anglaise de notre site", "Une dizaine de pages à traduire avant la saison touristique.", "traduction, anglais", "M", 75),
            ("Karim", ListingKind.Need, ListingCategory.Collaboration, "Maçon pour chantiers communs", "Je cherche un maçon pour répondre ensemble à des appels d'offres de rénovation.", "maçonnerie, rénovation", "F", 120),
            ("Transports Lagarde", ListingKind.Offer, ListingCategory.CarSharing, "Trajets vers Cahors le mardi", "Je descends à Cahors chaque mardi matin : deux places pour aller voir vos clients.", "", null, 40),
            ("Gîtes du Vignoble", ListingKind.Need, ListingCategory.Service, "Traiteur pour un séminaire de 20 personnes", "Séminaire du 12 au 14 mars : déjeuners et un dîner.", "traiteur, cuisine locale", "I", 50),
            ("Repair Café", ListingKind.Need, ListingCategory.Collaboration, "Bénévoles pour le Repair Café", "Un samedi par mois à Luzech : électronique, couture, petits meubles.", "réparation, électronique", "S", 100),
            ("Lafage", ListingKind.Offer, ListingCategory.Equipment, "Prêt d'un vidéoprojecteur", "Pour vos réunions et formations, à retirer à Prayssac.", "", null, 60),
            ("Hélène Marty", ListingKind.Need, ListingCategory.Service, "Salle de formation pour 8 personnes", "Une salle équipée deux jeudis par mois à Puy-l'Évêque ou aux environs.", "", "P", 35),
            ("Laura", ListingKind.Offer, ListingCategory.Collaboration, "Communication croisée entre membres", "Je propose d'échanger de la communication contre des photos ou de la rédaction.", "réseaux sociaux, communication", "J", 80),
            ("Vincent", ListingKind.Need, ListingCategory.Collaboration, "Artisans en écoconstruction partenaires", "Pour orienter mes clients après un audit, je cherche des artisans en écoconstruction et isolation.", "écoconstruction, isolation paille", "F", 90),
        ];
        var i = 0;
        foreach (var r in rows)
        {
            var listing = new Listing
            {
                ProfileId = By(r.Who).Id, Kind = r.Kind, Category = r.Category, Title = r.Title, Body = r.Body, Skills = r.Skills, Sector = r.Sector,
                ExpiresOn = today.AddDays(r.Days), CreatedAtUtc = now.AddDays(-12 + i++),
            };
            listing.Index();
            yield return listing;
        }
    }

    private static string Slug(string text) => Common.Slug.From(text);
}
