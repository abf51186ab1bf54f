using System.Text;
using Cotravail.Web.Common.Images;
using Cotravail.Web.Features.Entrepreneurs;

namespace Cotravail.Tests.Entrepreneurs;

/// <summary>The network's rules without I/O: image checks, search normalisation, suggestion scores, weeks.</summary>
public sealed class EntrepreneursRulesTests
{
    [Fact]
    public void Real_png_jpeg_and_webp_pass_with_their_type_and_dimensions()
    {
        Assert.Equal(new CheckedImage("image/png", "png", 2, 1), ImageCheck.Inspect(EntrepreneursSteps.Png(2, 1), out _));
        Assert.Equal(new CheckedImage("image/jpeg", "jpg", 3, 2), ImageCheck.Inspect(EntrepreneursSteps.Jpeg(3, 2), out _));
        Assert.Equal(new CheckedImage("image/webp", "webp", 4, 3), ImageCheck.Inspect(EntrepreneursSteps.WebP(4, 3), out _));
    }

    [Fact]
    public void Text_polyglots_truncated_and_oversized_files_are_refused_with_a_reason()
    {
        var html = Encoding.UTF8.GetBytes("<html><script>alert(1)</script></html>");
        Assert.Null(ImageCheck.Inspect(html, out var e1));
        Assert.Equal("Ce fichier n'est pas une image JPEG, PNG ou WebP valide.", e1);

        // A real PNG with a script appended after IEND (a polyglot) is not an image any more.
        byte[] polyglot = [.. EntrepreneursSteps.Png(), .. Encoding.UTF8.GetBytes("<script>alert(1)</script>")];
        Assert.Null(ImageCheck.Inspect(polyglot, out _));
        // Only the PNG signature, then HTML.
        byte[] fakePng = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, .. html];
        Assert.Null(ImageCheck.Inspect(fakePng, out _));
        // A corrupted IHDR (its CRC no longer matches).
        var png = EntrepreneursSteps.Png();
        png[17] ^= 0xFF;
        Assert.Null(ImageCheck.Inspect(png, out _));
        // A JPEG start then anything, without a frame or the end marker.
        Assert.Null(ImageCheck.Inspect([0xFF, 0xD8, 0xFF, .. html], out _));
        // A WebP whose RIFF size lies.
        var webp = EntrepreneursSteps.WebP();
        webp[4] += 2;
        Assert.Null(ImageCheck.Inspect(webp, out _));

        Assert.Null(ImageCheck.Inspect([], out var empty));
        Assert.Equal("Le fichier est vide.", empty);
        Assert.Null(ImageCheck.Inspect(new byte[ImageCheck.MaxBytes + 1], out var big));
        Assert.Equal("L'image dépasse 2 Mo.", big);
        Assert.Null(ImageCheck.Inspect(EntrepreneursSteps.Png(20_000, 1), out var wide));
        Assert.StartsWith("Les dimensions", wide, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Écoconstruction", "ecoconstruction")]
    [InlineData("  Puy-l'Évêque ", "puy l eveque")]
    [InlineData("ÉCO", "eco")]
    public void Search_text_ignores_accents_case_and_hyphens(string text, string expected) =>
        Assert.Equal(expected, SearchText.Normalise(text));

    [Fact]
    public void Skills_are_tags_deduplicated_by_their_normalised_form()
    {
        var tags = SearchText.Tags("Écoconstruction, ecoconstruction ; Charpente,, ");
        Assert.Equal(["Écoconstruction", "Charpente"], tags);
        Assert.Equal("|ecoconstruction|charpente|", SearchText.TagKey(tags));
    }

    [Fact]
    public void Suggestions_score_skills_then_sector_then_place()
    {
        var need = new NeedTerms(["plans 3D"], "Dessinateur pour plans 3D et architecture", "M", "Prayssac", "46220");
        var architectNearby = new CandidateTerms(["architecture", "plans 3D"], "M", "Prayssac", "46220");
        var architectFar = new CandidateTerms(["architecture", "plans 3D"], "M", "Luzech", "46140");
        var sameSectorOnly = new CandidateTerms(["comptabilité"], "M", "Prayssac", "46220");
        var unrelatedNeighbour = new CandidateTerms(["apiculture"], "A", "Prayssac", "46220");
        var samePostcode = new CandidateTerms(["plans 3D"], null, "Pescadoires", "46220");

        Assert.Equal((3 * 2) + 2 + 2, Matching.Score(need, architectNearby));
        Assert.Equal((3 * 2) + 2, Matching.Score(need, architectFar));
        Assert.Equal(2 + 2, Matching.Score(need, sameSectorOnly));
        Assert.Equal(0, Matching.Score(need, unrelatedNeighbour));
        Assert.Equal(3 + 1, Matching.Score(need, samePostcode));
    }

    [Theory]
    [InlineData("2026-12-01", "2026-11-30")]
    [InlineData("2026-11-30", "2026-11-30")]
    [InlineData("2026-12-06", "2026-11-30")]
    public void A_week_starts_on_monday(string day, string monday) =>
        Assert.Equal(DateOnly.Parse(monday, System.Globalization.CultureInfo.InvariantCulture),
            DirectoryClock.WeekStart(DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture)));

    [Theory]
    [InlineData("https://exemple.fr", true)]
    [InlineData("http://exemple.fr/page", true)]
    [InlineData("javascript:alert(1)", false)]
    [InlineData("ftp://exemple.fr", false)]
    [InlineData("exemple.fr", false)]
    [InlineData("https://user:pw@exemple.fr", false)]
    public void Only_http_and_https_websites_are_accepted(string url, bool ok) =>
        Assert.Equal(ok, ProfileInput.IsWebAddress(url));
}
