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
            "- Le **Lot** et ses méandres : canoë et paddle de mai à septembre, pêche, baignade surveillée l'été à la plage de Luzech ;\n"
            + "- plus de 200 km de chemins balisés, dont le GR 36 et les boucles du cingle de Luzech, et la voie verte le long de la rivière ;\n"
            + "- les marchés de producteurs (Prayssac le vendredi matin, Puy-l'Évêque le mardi, Luzech le mercredi), les caves et domaines de l'appellation Cahors ;\n"
            + "- une saison culturelle intercommunale : cinéma itinérant, festival de musique en juillet, expositions dans les églises et les chais.\n\n"
            + "Le programme des sorties et des animations est publié chaque mois par l'office de tourisme de la vallée."),
        ("Services et vie locale",
            "| Commune | Commerces et services | Démarches |\n| --- | --- | --- |\n"
            + "| Luzech | boulangeries, supérette, banque, poste, marché du mercredi | mairie, maison France services (lundi au vendredi) |\n"
            + "| Prayssac | supermarché, commerces du centre, poste, marché du vendredi | mairie, permanence France services le jeudi |\n"
            + "| Puy-l'Évêque | commerces du bourg, poste, marché du mardi | mairie, permanence France services le mardi |\n\n"
            + "Plus de 120 associations sportives, culturelles et solidaires animent la vallée : le forum des associations a lieu chaque premier samedi de septembre."),
        ("Le très haut débit, commune par commune",
            "Nos trois tiers-lieux sont raccordés à la fibre, avec un débit garanti pour la visioconférence (débits affichés sur la fiche de chaque espace).\n\n"
            + "| Commune | Fibre à domicile | Couverture 4G |\n| --- | --- | --- |\n"
            + "| Luzech | bourg et hameaux raccordables | quatre opérateurs |\n"
            + "| Prayssac | bourg raccordable, hameaux d'ici fin 2027 | quatre opérateurs |\n"
            + "| Puy-l'Évêque | bourg raccordable, hameaux d'ici mi-2027 | trois opérateurs, quatre dans le bourg |\n\n"
            + "Pour connaître l'éligibilité d'une adresse précise, consultez la carte du déploiement de Lot Numérique ou demandez à l'équipe d'un tiers-lieu."),
        ("Transports",
            "| Depuis | Cahors (gare) | Villeneuve-sur-Lot | Aéroport de Toulouse |\n| --- | --- | --- | --- |\n"
            + "| Luzech | 20 min | 55 min | 1 h 45 |\n| Prayssac | 30 min | 45 min | 1 h 55 |\n| Puy-l'Évêque | 35 min | 40 min | 2 h |\n\n"
            + "La gare de **Cahors** est sur la ligne Paris – Toulouse (environ 5 h de Paris). Une ligne de car régionale relie les trois bourgs à Cahors "
            + "plusieurs fois par jour en semaine ; le transport à la demande de la communauté de communes se réserve la veille par téléphone. "
            + "Les membres des tiers-lieux organisent aussi du covoiturage entre eux."),
        ("Écoles et petite enfance",
            "- Une école maternelle et élémentaire dans chaque bourg, et des regroupements pédagogiques dans les villages ;\n"
            + "- deux collèges dans la vallée, desservis par le transport scolaire gratuit ; lycées généraux et professionnels à Cahors ;\n"
            + "- une crèche intercommunale de 24 places, un relais petite enfance qui met en lien les familles et les assistantes maternelles, "
            + "des accueils de loisirs le mercredi et pendant les vacances.\n\n"
            + "Les inscriptions scolaires se font en mairie ; le relais petite enfance reçoit sur rendez-vous à Prayssac et à Luzech."),
        ("Santé",
            "- Une maison de santé pluriprofessionnelle à Prayssac (médecins généralistes, infirmiers, kinésithérapeutes, dentiste) ;\n"
            + "- des médecins et des pharmacies à Luzech et à Puy-l'Évêque ;\n"
            + "- le centre hospitalier de **Cahors** (urgences, maternité, consultations spécialisées) à 20 à 35 minutes.\n\n"
            + "Pour trouver un médecin traitant en arrivant, l'accueil des nouveaux arrivants vous met en relation avec la maison de santé."),
    ];
}
