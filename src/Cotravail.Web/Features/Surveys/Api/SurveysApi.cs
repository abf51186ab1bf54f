using Cotravail.Web.Common.Api;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Cotravail.Web.Features.Surveys.Api;

/// <summary>A survey open to answers, as programs see it.</summary>
public sealed record SurveyDto(int Id, string Slug, string Title, string? Description, DateOnly? OpensOn, DateOnly? ClosesOn, string Url, bool ResultsPublic);

public sealed record SurveyResultsDto(int Id, string Slug, string Title, int Responses, IReadOnlyList<QuestionResultDto> Questions);

/// <summary>
/// Figures of one question: <c>counts</c> for choices, notes and postcodes (percentages of those who answered),
/// <c>mean</c>/<c>median</c>/<c>min</c>/<c>max</c> for numbers and notes. Free texts are not published.
/// </summary>
public sealed record QuestionResultDto(
    int Id, string Text, string Kind, int Page, int Answered, IReadOnlyList<CountDto> Counts,
    double? Mean, double? Median, int? Min, int? Max);

public sealed record CountDto(string Label, int Count, double Percent);

/// <summary>Surveys for programs: the open ones, and the results a manager made public.</summary>
internal static class SurveysApi
{
    public static void MapSurveysApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/surveys").WithTags("Enquêtes");
        group.MapGet("/", OpenAsync).WithName("OpenSurveys")
            .WithSummary("Surveys open to answers today (published, between their opening and closing days).");
        group.MapGet("/{id:int}/results", ResultsAsync).WithName("SurveyResults")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Counts and percentages per question, only when the manager made the results public (404 otherwise).");
    }

    private static async Task<Ok<List<SurveyDto>>> OpenAsync(HttpRequest request, SurveyQueries queries, CancellationToken ct)
    {
        var root = $"{request.Scheme}://{request.Host}";
        var list = await queries.OpenAsync(ct);
        return TypedResults.Ok(list.Select(s => new SurveyDto(s.Id, s.Slug, s.Title, s.Description, s.OpensOn, s.ClosesOn,
            $"{root}/enquetes/{s.Slug}", s.ResultsPublic)).ToList());
    }

    private static async Task<Results<Ok<SurveyResultsDto>, ProblemHttpResult>> ResultsAsync(int id, SurveyQueries queries, CancellationToken ct)
    {
        var survey = await queries.LoadAsync(id, ct);
        if (survey is not { IsPublished: true, ResultsPublic: true })
        {
            return ApiProblems.NotFound("Aucune enquête aux résultats publics ne porte ce numéro.");
        }
        var results = await queries.ResultsAsync(survey, ct);
        return TypedResults.Ok(new SurveyResultsDto(survey.Id, survey.Slug, survey.Title, results.Responses,
            [.. results.Questions.Select(r => new QuestionResultDto(
                r.Question.Id, r.Question.Text, System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(r.Question.Kind.ToString()),
                r.Question.Page, r.Answered,
                [.. r.Counts.Select(c => new CountDto(c.Label, c.Count, Math.Round(c.Percent, 1)))],
                r.Numbers is { } n ? Math.Round(n.Mean, 2) : null, r.Numbers?.Median, r.Numbers?.Min, r.Numbers?.Max))]));
    }
}
