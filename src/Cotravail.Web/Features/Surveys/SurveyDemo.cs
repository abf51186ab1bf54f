using Cotravail.Web.Data;
using Cotravail.Web.Features.Sites;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Web.Features.Surveys;

/// <summary>
/// The community of communes' needs survey (the brief's 2016 survey) rebuilt as a Cotravail survey, with 150
/// generated answers whose results are the published ones: one third have practised coworking; postcodes 46140
/// 38 %, 46700 27 %, 46220 13 %; « de 10 à 20 € » chosen most; regular use for half, occasional for a third.
/// Exact counts shuffled with a fixed seed: the same answers at every start. Added once (found by its slug).
/// </summary>
public sealed class SurveyDemo(AppDbContext db, TimeProvider clock)
{
    public const string Slug = "besoins-coworking";
    public const int Answers = 150;

    private static readonly (string Text, int Count)[] Postcodes =
        [("46140", 57), ("46700", 40), ("46220", 20), ("46150", 9), ("46000", 8), ("46800", 7), ("46090", 5), ("46300", 4)];

    public async Task SeedAsync(Network network, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(network);
        if (await db.Surveys.AnyAsync(s => s.Slug == Slug, ct))
        {
            return;
        }
        var today = Survey.Today(clock);
        var survey = new Survey
        {
            NetworkId = network.Id, Slug = Slug, Title = "Le coworking dans la vallée : vos besoins et vos attentes",
            Description = "La communauté de communes étudie la création d'un réseau d'espaces de coworking et de tiers-lieux.\n"
                + "Que vous travailliez déjà à distance ou que vous y pensiez, dites-nous ce que vous attendez d'un tel lieu. Dix minutes suffisent.",
            IsPublished = true, OpensOn = today.AddDays(-45), ClosesOn = today.AddDays(45), ResultsPublic = true,
            CreatedAtUtc = clock.GetUtcNow().UtcDateTime.AddDays(-50),
        };
        var b = new Builder(survey);
        var knows = b.Single(1, "Savez-vous ce qu'est le coworking ?", true,
            ("Oui, je connais bien", 84), ("J'en ai entendu parler", 51), ("Non", 15));
        var practised = b.Single(1, "Avez-vous déjà pratiqué le coworking ?", true, ("Oui", 50), ("Non", 100));
        var where = b.Add(1, QuestionKind.ShortText, "Où l'avez-vous pratiqué ?", false);
        var positive = b.Add(1, QuestionKind.Scale, "Un espace de coworking sur le territoire serait-il positif pour votre activité ?", true);
        b.Multiple(2, "Quelles seraient vos principales motivations ?", ("Le lien social", 90), ("La qualité de la connexion internet", 90),
            ("Intégrer un réseau socio-professionnel", 90), ("Séparer vie professionnelle et vie personnelle", 55), ("Rencontrer des clients", 30));
        b.Multiple(2, "Quels services aimeriez-vous y trouver ?", ("Formations", 105), ("Accompagnement des projets", 95),
            ("Animations et événements", 98), ("Salle de réunion", 80), ("Impression et reprographie", 60), ("Domiciliation d'entreprise", 25));
        var frequency = b.Single(2, "À quelle fréquence pensez-vous venir ?", true, ("Tous les jours", 15), ("Plusieurs fois par semaine", 35),
            ("Plusieurs fois par mois", 25), ("Ponctuellement, selon mes besoins", 50), ("Je ne sais pas encore", 25));
        var days = b.Add(2, QuestionKind.Number, "Combien de jours par mois pensez-vous venir ?", false);
        days.Min = 0;
        days.Max = 31;
        b.Single(2, "Où le lieu devrait-il se trouver ?", true, ("Dans un bourg avec commerces et services", 88), ("En ville", 22),
            ("En pleine campagne", 25), ("Peu importe", 15));
        b.Single(2, "Quel tarif à la journée vous semble approprié ?", true, ("Moins de 10 €", 38), ("De 10 à 20 €", 82),
            ("De 20 à 30 €", 24), ("Plus de 30 €", 6));
        b.Single(2, "Seriez-vous prêt·e à vous impliquer dans la vie du lieu ?", false, ("Régulièrement", 25), ("De temps en temps", 85), ("Non", 40));
        var postcode = b.Add(3, QuestionKind.Postcode, "Votre code postal", true);
        b.Single(3, "Votre âge", true, ("Moins de 25 ans", 6), ("25 à 34 ans", 22), ("35 à 49 ans", 58), ("50 à 60 ans", 44), ("Plus de 60 ans", 20));
        b.Single(3, "Êtes-vous originaire du Lot ?", true, ("Oui", 45), ("Non, installé·e par choix de vie", 80),
            ("Non, installé·e pour des raisons professionnelles", 25));
        b.Multiple(3, "Quelles sont vos principales difficultés au quotidien ?", ("L'isolement", 85), ("Les déplacements", 70),
            ("L'emploi", 55), ("L'accès à internet", 40), ("L'accès aux services", 30));
        var remark = b.Add(3, QuestionKind.LongText, "Une remarque, une idée pour ce projet ?", false);
        where.Hint = "Une ville, un lieu…";
        db.Surveys.Add(survey);
        await db.SaveChangesAsync(ct);
        where.ShowIfQuestionId = practised.Id;
        where.ShowIfOptionId = practised.Options.First(o => o.Label == "Oui").Id;

        var responses = Enumerable.Range(0, Answers).Select(i => new SurveyResponse
        {
            SurveyId = survey.Id, Token = SurveyTokens.New(), Status = ResponseStatus.Complete, FurthestPage = 3,
            StartedAtUtc = survey.OpensOn!.Value.ToDateTime(new TimeOnly(8, 0), DateTimeKind.Utc).AddDays(i * 37 % 40).AddMinutes(i),
        }).ToList();
        foreach (var r in responses)
        {
            r.SubmittedAtUtc = r.StartedAtUtc.AddMinutes(9);
        }
        var random = new Random(2016);
        foreach (var (q, counts) in b.Choices)
        {
            var options = q.OrderedOptions.ToList();
            if (q.Kind == QuestionKind.SingleChoice)
            {
                var labels = Deal(counts, random);
                for (var i = 0; i < Answers; i++)
                {
                    responses[i].Answers.Add(new SurveyAnswer { QuestionId = q.Id, OptionId = options[labels[i]].Id });
                }
            }
            else
            {
                for (var o = 0; o < options.Count; o++)
                {
                    foreach (var i in Shuffle(Enumerable.Range(0, Answers).ToList(), random).Take(counts[o]).Order())
                    {
                        responses[i].Answers.Add(new SurveyAnswer { QuestionId = q.Id, OptionId = options[o].Id });
                    }
                }
            }
        }
        var yes = where.ShowIfOptionId;
        string[] places = ["À Cahors", "À Toulouse, pendant deux ans", "À Bordeaux", "Dans un tiers-lieu à Figeac", "À Paris, avant de m'installer dans le Lot"];
        var practisedCount = 0;
        int[] notes = Deal([8, 12, 25, 45, 60], random);
        var codes = Deal([.. Postcodes.Select(p => p.Count)], random);
        string[] remarks =
        [
            "Une bonne connexion est indispensable, c'est la première chose que je regarderai.",
            "Pourquoi pas un lieu à Luzech, près du marché ?",
            "J'aimerais des ateliers sur le numérique pour les petites entreprises.",
            "Il faudrait un réseau des entrepreneurs du territoire.",
            "Des horaires larges, y compris le samedi matin.",
            "Un accueil chaleureux compte autant que l'équipement.",
        ];
        var frequencyOptions = frequency.OrderedOptions.ToList();
        int[] daysByFrequency = [20, 10, 4, 2];
        for (var i = 0; i < Answers; i++)
        {
            var r = responses[i];
            if (r.Answers.Any(a => a.OptionId == yes) && practisedCount++ % 5 < 2)
            {
                r.Answers.Add(new SurveyAnswer { QuestionId = where.Id, Text = places[i % places.Length] });
            }
            r.Answers.Add(new SurveyAnswer { QuestionId = positive.Id, Number = notes[i] + 1 });
            var f = frequencyOptions.FindIndex(o => r.Answers.Any(a => a.OptionId == o.Id));
            if (f < daysByFrequency.Length)
            {
                r.Answers.Add(new SurveyAnswer { QuestionId = days.Id, Number = daysByFrequency[f] + (i % 3) - 1 });
            }
            r.Answers.Add(new SurveyAnswer { QuestionId = postcode.Id, Text = Postcodes[codes[i]].Text });
            if (i % 12 == 5)
            {
                r.Answers.Add(new SurveyAnswer { QuestionId = remark.Id, Text = remarks[i / 12 % remarks.Length] });
            }
        }
        _ = knows;
        db.SurveyResponses.AddRange(responses);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The option index of each of the <see cref="Answers"/> people, exactly <paramref name="counts"/> of each, shuffled.</summary>
    private static int[] Deal(int[] counts, Random random)
    {
        var list = counts.SelectMany((n, option) => Enumerable.Repeat(option, n)).ToList();
        if (list.Count != Answers)
        {
            throw new InvalidOperationException($"Demo survey: {list.Count} answers dealt instead of {Answers}.");
        }
        return [.. Shuffle(list, random)];
    }

    private static List<T> Shuffle<T>(List<T> list, Random random)
    {
        for (var i = list.Count - 1; i > 0; i--)
        {
            var j = random.Next(i + 1);
            (list[i], list[j]) = (list[j], list[i]);
        }
        return list;
    }

    private sealed class Builder(Survey survey)
    {
        public List<(SurveyQuestion Question, int[] Counts)> Choices { get; } = [];

        public SurveyQuestion Add(int page, QuestionKind kind, string text, bool required)
        {
            var q = new SurveyQuestion
            {
                Page = page, Kind = kind, Text = text, Required = required,
                Position = survey.Questions.Count(x => x.Page == page) + 1,
            };
            survey.Questions.Add(q);
            return q;
        }

        public SurveyQuestion Single(int page, string text, bool required, params (string Label, int Count)[] options) =>
            Choice(page, QuestionKind.SingleChoice, text, required, options);

        public SurveyQuestion Multiple(int page, string text, params (string Label, int Count)[] options) =>
            Choice(page, QuestionKind.MultipleChoice, text, false, options);

        private SurveyQuestion Choice(int page, QuestionKind kind, string text, bool required, (string Label, int Count)[] options)
        {
            var q = Add(page, kind, text, required);
            for (var i = 0; i < options.Length; i++)
            {
                q.Options.Add(new QuestionOption { Position = i + 1, Label = options[i].Label });
            }
            Choices.Add((q, [.. options.Select(o => o.Count)]));
            return q;
        }
    }
}
