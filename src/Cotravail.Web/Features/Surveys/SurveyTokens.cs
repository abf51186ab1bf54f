using System.Security.Cryptography;

namespace Cotravail.Web.Features.Surveys;

public static class SurveyTokens
{
    /// <summary>32 random URL-safe characters (192 bits): the key of a draft or of a confirmation link.</summary>
    public static string New() =>
        Convert.ToBase64String(RandomNumberGenerator.GetBytes(24)).Replace('+', '-').Replace('/', '_');

    public static string CookieName(int surveyId) => $"cotravail.enquete.{surveyId}";
}
