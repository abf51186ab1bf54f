using System.Net.Http.Json;
using System.Text.Json;

namespace Cotravail.BrowserTests.Accessibility;

/// <summary>The pages every sweep goes through (axe-core, 320 px): public and account, member, manager.</summary>
internal static class SweptPages
{
    /// <summary>Public pages that anybody reaches first: the frugality test weighs each of them.</summary>
    public static readonly string[] Public =
    [
        "/", "/espaces/luzech", "/espaces/luzech/disponibilites", "/agenda", "/observatoire", "/enquetes/besoins-coworking",
        "/compte/connexion", "/compte/inscription", "/confidentialite", "/mentions-legales", "/cookies", "/accessibilite",
        "/annuaire", "/annonces", "/venir", "/venir/demande",
    ];

    public static readonly string[] PublicAndAccount =
    [
        .. Public, "/compte/mot-de-passe-oublie", "/compte/confirmer/renvoyer", "/page-qui-n-existe-pas",
        "/enquetes/besoins-coworking/resultats", "/coups-de-main", "/compte-supprime", "/annuaire?q=eco&sector=F",
        "/venir/demande/merci",
    ];

    public static readonly string[] Member =
    [
        "/compte/mot-de-passe", "/mon-espace", "/mes-reservations", "/mes-reservations/calendrier", "/reserver", "/reserver/serie", "/mes-factures", "/mes-droits",
        "/ma-carte", "/mes-coups-de-main", "/agenda/proposer", "/mes-donnees", "/mes-donnees/supprimer",
        "/compte/double-authentification", "/compte/double-authentification/activer", "/annuaire/ma-fiche", "/annonces/nouvelle",
        "/messages", "/venir/temoigner", "/venir/ambassadeur",
        "/compte",
    ];

    public static async Task<string[]> ManagerAsync(Uri baseAddress)
    {
        using var http = new HttpClient { BaseAddress = baseAddress };
        var sites = await http.GetFromJsonAsync<JsonElement>("/api/v1/sites");
        var luzech = sites.EnumerateArray().Single(s => s.GetProperty("slug").GetString() == "luzech").GetProperty("id").GetInt32();
        var resource = (await http.GetFromJsonAsync<JsonElement>($"/api/v1/sites/{luzech}")).GetProperty("resources")[0].GetProperty("id").GetInt32();
        return
        [
            "/gestion/espaces", "/gestion/espaces/nouveau", $"/gestion/espaces/{luzech}", $"/gestion/espaces/{luzech}/ressources",
            $"/gestion/espaces/{luzech}/ressources/{resource}", $"/gestion/espaces/{luzech}/horaires",
            $"/gestion/espaces/{luzech}/fermetures", $"/gestion/espaces/{luzech}/equipe", "/gestion/reseaux/1", "/gestion/reseaux/1/gestionnaires",
            $"/gestion/espaces/{luzech}/photos",
            "/gestion/factures", "/accueil/luzech/caisse", "/accueil/luzech/reservations", "/gestion/enquetes", "/gestion/enquetes/1",
            "/gestion/enquetes/1/resultats", "/accueil", "/accueil/luzech", "/accueil/luzech/venue", "/accueil/luzech/qr-arrivee",
            "/accueil/luzech/vente", "/accueil/coups-de-main", "/gestion/entreprises", $"/gestion/espaces/{luzech}/produits",
            "/animation", "/animation/nouveau", "/animation/accompagnement", "/gestion/observatoire", "/mes-donnees/supprimer",
            "/gestion/signalements", "/gestion/journal", "/gestion/nouveaux-arrivants", "/gestion/nouveaux-arrivants/1",
            "/gestion/nouveaux-arrivants/contenu", "/gestion/nouveaux-arrivants/contenu/1", "/gestion/nouveaux-arrivants/temoignages",
        ];
    }
}
