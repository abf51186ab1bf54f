using Cotravail.Web.Data;
using Cotravail.Web.Features.Accounts;
using Cotravail.Web.Features.Sites;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Web.Features.Newcomers;

/// <summary>
/// Demo content of « Venir travailler dans la vallée »: the territory's sections, a published testimony, an ambassador
/// and a few requests in the inbox. Added once; what exists is kept.
/// </summary>
public sealed class NewcomersDemo(AppDbContext db, TimeProvider clock)
{
    public async Task SeedAsync(Network network, AppUser member, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(member);
        var now = clock.GetUtcNow().UtcDateTime;
        if (!await db.Set<TerritorySection>().AnyAsync(s => s.NetworkId == network.Id, ct))
        {
            var order = 0;
            foreach (var (title, body) in Sections)
            {
                db.Add(new TerritorySection { NetworkId = network.Id, Title = title, Body = body, SortOrder = order += 10, UpdatedAtUtc = now });
            }
        }
        if (!await db.Set<Testimony>().AnyAsync(t => t.NetworkId == network.Id, ct))
        {
            db.Add(new Testimony
            {
                NetworkId = network.Id, UserId = member.Id, AuthorName = Relay.ShortName(member), Commune = "Luzech",
                Text = "Je suis arrivée de Toulouse pour télétravailler au calme. Au tiers-lieu de Luzech, j'ai trouvé une bonne connexion, "
                    + "des voisins de bureau devenus des amis, et le Lot à deux pas pour la pause de midi.",
                Status = TestimonyStatus.Published, ConsentAtUtc = now, PublishedAtUtc = now,
            });
        }
        if (!await db.Set<Ambassador>().AnyAsync(a => a.UserId == member.Id, ct))
        {
            db.Add(new Ambassador
            {
                UserId = member.Id, Sectors = "J — information et communication ; télétravail", Communes = "Luzech, Castelfranc",
                IsActive = true, SinceUtc = now,
            });
        }
        if (!await db.Set<NewcomerRequest>().AnyAsync(r => r.NetworkId == network.Id, ct))
        {
            AddRequest(network.Id, "Camille Roussel", null, "camille.roussel@exemple.fr", "relocation", "33000", "desk,housing,schooling",
                "Nous envisageons de quitter Bordeaux avec nos deux enfants. Je suis comptable et je travaille à distance trois jours par semaine.",
                now.AddDays(-40), RequestStatus.Answered);
            AddRequest(network.Id, "Atelier Bois Vivant", "Atelier Bois Vivant", "contact@bois-vivant.exemple.fr", "businessCreation", "75011",
                "desk,network", "Menuisier, je cherche un lieu pour la partie administrative de mon activité et des artisans avec qui travailler.",
                now.AddDays(-12), RequestStatus.InProgress);
            AddRequest(network.Id, "Pieter Janssens", null, null, "telework", null, "desk,partnerJob",
                "Développeur, je télétravaille pour une entreprise d'Anvers. Mon épouse est infirmière.", now.AddDays(-2), RequestStatus.New,
                phone: "+32 470 00 00 00", country: "Belgique");
        }
        await db.SaveChangesAsync(ct);
    }

    private void AddRequest(int networkId, string name, string? organisation, string? email, string project, string? postcode, string needs,
        string message, DateTime at, RequestStatus status, string? phone = null, string? country = null)
    {
        var department = Origins.DepartmentOf(postcode);
        var request = new NewcomerRequest
        {
            NetworkId = networkId, Kind = organisation is null ? RequestForm.Person : RequestForm.Firm, Name = name, Organisation = organisation,
            Email = email, Phone = phone, Project = project, OriginPostcode = postcode, OriginCountry = country, Department = department,
            Region = Origins.RegionOfDepartment(department) ?? (country is null ? null : Origins.Abroad), Needs = needs, Message = message,
            Status = status, CreatedAtUtc = at,
        };
        request.History.Add(new RequestEntry { Kind = EntryKind.Received, Text = "Demande reçue.", ToStatus = RequestStatus.New, ByName = name, AtUtc = at });
        if (status != RequestStatus.New)
        {
            request.History.Add(new RequestEntry
            {
                Kind = EntryKind.StatusChanged, FromStatus = RequestStatus.New, ToStatus = status, ByName = "Claire Delmas", AtUtc = at.AddDays(1),
                Text = $"Statut : {RequestLabels.Status(RequestStatus.New)} → {RequestLabels.Status(status)}.",
            });
        }
        db.Add(request);
    }

    private static readonly (string Title, string Body)[] Sections =
    [
        ("Une qualité de vie qui se vit au quotidien",
            "Entre Luzech, Prayssac et Puy-l'Évêque, la vallée du Lot déroule ses méandres au pied des coteaux du vignoble de Cahors. "
            + "Ici, on travaille à quelques minutes de chez soi, on déjeune en terrasse sur la place du village et on termine la journée au bord de la rivière.\n\n"
            + "Les personnes qui se sont installées ici le disent : c'est d'abord **la qualité de vie** qui les a fait venir."),
        ("Nature et loisirs",
            "- Le **Lot** et ses méandres : canoë, pêche, baignade surveillée en été selon les communes ;\n"
            + "- les chemins de randonnée et les boucles à vélo entre vignes, causses et villages perchés ;\n"
            + "- les marchés de producteurs, les caves et domaines de l'appellation Cahors.\n\n"
            + "Le détail des sentiers et des activités est à compléter par la communauté de communes et l'office de tourisme."),
        ("Services et vie locale",
            "Commerces de proximité, marchés hebdomadaires, associations sportives et culturelles animent les bourgs de la vallée. "
            + "Les maisons France services et les mairies accompagnent les démarches administratives.\n\n"
            + "*Liste des services par commune : à compléter par la communauté de communes.*"),
        ("Le très haut débit, commune par commune",
            "Le déploiement de la fibre optique se poursuit dans le Lot. Nos trois tiers-lieux disposent d'une connexion adaptée au télétravail "
            + "(débits affichés sur la fiche de chaque espace).\n\n"
            + "| Commune | Fibre à domicile |\n| --- | --- |\n| Luzech | à compléter par la communauté de communes |\n"
            + "| Prayssac | à compléter par la communauté de communes |\n| Puy-l'Évêque | à compléter par la communauté de communes |\n\n"
            + "Pour connaître l'éligibilité d'une adresse précise, consultez la carte officielle du déploiement."),
        ("Transports",
            "La gare de **Cahors** est desservie par la ligne Paris – Toulouse ; la vallée s'y rejoint en voiture. "
            + "Des lignes de cars régionales relient les bourgs à Cahors et des solutions de covoiturage existent entre membres.\n\n"
            + "*Horaires et temps de trajet : à compléter par la communauté de communes.*"),
        ("Écoles et petite enfance",
            "Les communes de la vallée comptent des écoles maternelles et élémentaires, et des collèges sont accessibles en transport scolaire ; "
            + "les lycées se trouvent notamment à Cahors. Crèches, assistantes maternelles et accueils de loisirs complètent l'offre.\n\n"
            + "*Carte scolaire et contacts : à compléter par la communauté de communes.*"),
        ("Santé",
            "Médecins généralistes, pharmacies et professions paramédicales sont présents dans les bourgs ; le centre hospitalier de **Cahors** "
            + "assure les urgences et les consultations spécialisées.\n\n"
            + "*Annuaire des professionnels de santé : à compléter par la communauté de communes.*"),
    ];
}
