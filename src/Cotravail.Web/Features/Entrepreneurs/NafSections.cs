namespace Cotravail.Web.Features.Entrepreneurs;

/// <summary>The 21 sections (A–U) of the French activity nomenclature (NAF rév. 2), with their French labels.</summary>
public static class NafSections
{
    public static readonly IReadOnlyList<(string Code, string Label)> All =
    [
        ("A", "Agriculture, sylviculture et pêche"),
        ("B", "Industries extractives"),
        ("C", "Industrie manufacturière"),
        ("D", "Production et distribution d'électricité, de gaz, de vapeur et d'air conditionné"),
        ("E", "Production et distribution d'eau ; assainissement, gestion des déchets et dépollution"),
        ("F", "Construction"),
        ("G", "Commerce ; réparation d'automobiles et de motocycles"),
        ("H", "Transports et entreposage"),
        ("I", "Hébergement et restauration"),
        ("J", "Information et communication"),
        ("K", "Activités financières et d'assurance"),
        ("L", "Activités immobilières"),
        ("M", "Activités spécialisées, scientifiques et techniques"),
        ("N", "Activités de services administratifs et de soutien"),
        ("O", "Administration publique"),
        ("P", "Enseignement"),
        ("Q", "Santé humaine et action sociale"),
        ("R", "Arts, spectacles et activités récréatives"),
        ("S", "Autres activités de services"),
        ("T", "Activités des ménages en tant qu'employeurs"),
        ("U", "Activités extra-territoriales"),
    ];

    public static bool IsCode(string? code) => code is { Length: 1 } && All.Any(s => s.Code == code);

    public static string Label(string? code) => All.FirstOrDefault(s => s.Code == code).Label ?? "";
}
