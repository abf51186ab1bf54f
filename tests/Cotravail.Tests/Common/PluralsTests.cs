using System.Globalization;
using Cotravail.Web.Common;
using Microsoft.Extensions.Localization;

namespace Cotravail.Tests.Common;

/// <summary>Counted texts take the right form in each language: « 1 réponse », « 0 réponse », « 2 réponses »; « 0 answers ».</summary>
public sealed class PluralsTests
{
    [Theory]
    [InlineData(0, "fr-FR", true)]
    [InlineData(1, "fr-FR", true)]
    [InlineData(2, "fr-FR", false)]
    [InlineData(150, "fr-FR", false)]
    [InlineData(-1, "fr-FR", true)]
    [InlineData(0, "en", false)]
    [InlineData(1, "en", true)]
    [InlineData(2, "en", false)]
    public void The_singular_follows_each_language(long count, string culture, bool singular) =>
        Assert.Equal(singular, Plurals.IsSingular(count, CultureInfo.GetCultureInfo(culture)));

    [Fact]
    public void A_localizer_picks_the_form_and_puts_the_count_first()
    {
        var previous = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("fr-FR");
            var l = new Echo();
            Assert.Equal("1 réponse comptée.", l.Plural(1, "{0} réponse comptée.", "{0} réponses comptées.").Value);
            Assert.Equal("2 réponses comptées.", l.Plural(2, "{0} réponse comptée.", "{0} réponses comptées.").Value);
            Assert.Equal("Réponses à « Q » (1 personne)", l.Plural(1, "Réponses à « {1} » ({0} personne)", "Réponses à « {1} » ({0} personnes)", "Q").Value);
            Assert.Equal("Annuler cette réservation", l.Plural(1, "Annuler cette réservation", "Annuler ces {0} réservations").Value);
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }

    [Fact]
    public void French_texts_outside_a_request_use_the_french_rule() =>
        Assert.Equal("0 place libre", Plurals.French(0, "{0} place libre", "{0} places libres"));

    /// <summary>A localizer that formats the key itself (the French text), as a missing translation does.</summary>
    private sealed class Echo : IStringLocalizer
    {
        public LocalizedString this[string name] => new(name, name);

        public LocalizedString this[string name, params object[] arguments] => new(name, string.Format(CultureInfo.CurrentCulture, name, arguments));

        public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) => [];
    }
}
