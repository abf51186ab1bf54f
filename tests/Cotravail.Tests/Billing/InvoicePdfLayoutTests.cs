using System.Globalization;
using Cotravail.Web.Common;
using Cotravail.Web.Features.Billing;
using Cotravail.Web.Features.Billing.Pdf;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;

namespace Cotravail.Tests.Billing;

/// <summary>
/// The invoice PDF holds for any text: with the longest realistic names, addresses and descriptions, no two words
/// overlap on any page, every mandatory mention is printed, the table header repeats on each page and the totals stay
/// with the last line.
/// </summary>
public sealed class InvoicePdfLayoutTests
{
    private const string DemoIssuer = "Communauté de communes de la Vallée du Lot et du Vignoble";
    private const string LongIssuer = "Syndicat mixte pour l'aménagement numérique et les tiers-lieux de la Vallée du Lot et Célé";
    private const string LongClient = "Société coopérative d'intérêt collectif des tiers-lieux et des ateliers partagés du Quercy";
    private const string LongAddress = "Zone artisanale du Pech de la Fourcade, bâtiment C, porte 12, deuxième étage, au fond du couloir\n46170 Castelnau-Montratier-Sainte-Alauzie";
    private const string LongEmail = "comptabilite.fournisseurs@cooperative-des-tiers-lieux-et-ateliers-du-quercy.fr";
    private const string Iban = "FR7630001000640000012345618";

    private static readonly string[] SampleNames = ["normal", "long invoice", "long credit note", "exempt", "one long line"];

    public static TheoryData<string> Samples => [.. SampleNames];

    /// <summary>The samples, and a line longer than a page (beyond what is realistic: it is cut between pages).</summary>
    public static TheoryData<string> Layouts => [.. SampleNames, "line longer than a page"];

    [Theory]
    [MemberData(nameof(Layouts))]
    public void No_two_words_overlap_on_any_page(string sample)
    {
        using var pdf = PdfDocument.Open(InvoicePdf.Render(Sample(sample)));
        foreach (var page in pdf.GetPages())
        {
            var words = page.GetWords().Where(w => !string.IsNullOrWhiteSpace(w.Text)).ToList();
            for (var a = 0; a < words.Count; a++)
            {
                for (var b = a + 1; b < words.Count; b++)
                {
                    Assert.False(Overlap(words[a], words[b]),
                        $"Page {page.Number}: « {words[a].Text} » {Box(words[a])} overlaps « {words[b].Text} » {Box(words[b])}");
                }
            }
        }
    }

    [Theory]
    [MemberData(nameof(Layouts))]
    public void Every_word_stays_inside_the_page_margins(string sample)
    {
        using var pdf = PdfDocument.Open(InvoicePdf.Render(Sample(sample)));
        foreach (var page in pdf.GetPages())
        {
            foreach (var word in page.GetWords())
            {
                var box = word.BoundingBox;
                Assert.True(box.Left >= 40 && box.Right <= page.Width - 40 && box.Bottom >= 20 && box.Top <= page.Height - 20,
                    $"Page {page.Number}: « {word.Text} » {Box(word)} leaves the page margins");
            }
        }
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void Every_mandatory_mention_is_printed_in_full(string sample)
    {
        var invoice = Sample(sample);
        using var pdf = PdfDocument.Open(InvoicePdf.Render(invoice));
        var text = string.Join(" ", pdf.GetPages().Select(Read));

        foreach (var mention in Mentions(invoice))
        {
            Assert.Contains(Normal(mention), text, StringComparison.Ordinal);
        }
        if (!invoice.IsBusinessClient)
        {
            Assert.DoesNotContain("40 €", text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_long_invoice_repeats_the_table_header_and_numbers_its_pages()
    {
        using var pdf = PdfDocument.Open(InvoicePdf.Render(Sample("long invoice")));
        var pages = pdf.GetPages().ToList();

        Assert.True(pages.Count > 1);
        foreach (var page in pages)
        {
            var text = Read(page);
            Assert.Contains($"Page {page.Number} / {pages.Count}", text, StringComparison.Ordinal);
            if (text.Contains("Ligne ", StringComparison.Ordinal))
            {
                foreach (var head in new[] { "Désignation", "Qté", "PU HT", "TVA", "Total HT" })
                {
                    Assert.Contains(head, text, StringComparison.Ordinal);
                }
            }
        }
        using var single = PdfDocument.Open(InvoicePdf.Render(Sample("normal")));
        Assert.Equal(1, single.NumberOfPages);
        Assert.DoesNotContain("Page 1", Read(single.GetPage(1)), StringComparison.Ordinal);
    }

    [Fact]
    public void The_totals_stay_on_the_page_of_the_last_line_whatever_the_number_of_lines()
    {
        for (var count = 1; count <= 60; count++)
        {
            var invoice = Build(InvoiceKind.Invoice, count, LongIssuer, LongClient, LongAddress);
            using var pdf = PdfDocument.Open(InvoicePdf.Render(invoice));
            var pages = pdf.GetPages().Select(Read).ToList();
            var last = Normal(invoice.Lines[^1].Description);

            var lastLinePage = pages.FindIndex(p => p.Contains(last, StringComparison.Ordinal));
            var totalsPage = pages.FindIndex(p => p.Contains("Total TTC", StringComparison.Ordinal));
            Assert.True(lastLinePage >= 0, $"{count} lines: the last line is not printed in full");
            Assert.Equal(lastLinePage, totalsPage);
        }
    }

    [Fact]
    public void A_line_longer_than_a_page_starts_under_the_header_and_no_page_holds_a_header_alone()
    {
        using var pdf = PdfDocument.Open(InvoicePdf.Render(Sample("line longer than a page")));
        var pages = pdf.GetPages().Select(Read).ToList();

        Assert.Contains("Désignation", pages[0], StringComparison.Ordinal);
        foreach (var page in pages.Where(p => p.Contains("Désignation", StringComparison.Ordinal)))
        {
            Assert.Contains("Ligne 0", page, StringComparison.Ordinal);
        }
        Assert.Contains(pages, p => p.Contains("Ligne 02", StringComparison.Ordinal) && p.Contains("Total TTC", StringComparison.Ordinal));
    }

    private static IEnumerable<string> Mentions(Invoice i)
    {
        var french = CultureInfo.GetCultureInfo("fr-FR");
        yield return $"{InvoicePdf.Title(i)} n° {i.Number}";
        yield return $"Date : {i.IssueDate.ToString("d MMMM yyyy", french)}";
        yield return i.Kind == InvoiceKind.CreditNote
            ? $"Avoir sur la facture n° {i.CreditedInvoiceNumber}"
            : $"Échéance : {i.DueDate.ToString("d MMMM yyyy", french)}";
        yield return i.IssuerName;
        foreach (var part in i.IssuerAddress.Split('\n'))
        {
            yield return part;
        }
        yield return $"SIRET : {i.IssuerSiret}";
        yield return $"N° TVA intracommunautaire : {i.IssuerVatNumber}";
        yield return i.ClientName;
        foreach (var part in (i.ClientAddress ?? "").Split('\n'))
        {
            yield return part;
        }
        yield return $"SIRET : {i.ClientSiret}";
        foreach (var head in new[] { "Désignation", "Qté", "PU HT", "TVA", "Total HT" })
        {
            yield return head;
        }
        foreach (var line in i.Lines)
        {
            yield return line.Description;
            yield return InvoicePdf.Euros(line.UnitPriceExclTaxCents);
            yield return InvoicePdf.Euros(line.TotalExclTaxCents);
        }
        yield return $"Total HT {InvoicePdf.Euros(i.TotalExclTaxCents)}";
        yield return $"TVA {InvoicePdf.Euros(i.VatCents)}";
        yield return i.Kind == InvoiceKind.CreditNote
            ? $"Total TTC à rembourser {InvoicePdf.Euros(i.TotalInclTaxCents)}"
            : $"Total TTC {InvoicePdf.Euros(i.TotalInclTaxCents)}";
        if (i.VatMention is not null)
        {
            yield return i.VatMention;
        }
        yield return i.PaymentTerms;
        yield return InvoiceMentions.LatePenalty;
        if (i.IsBusinessClient)
        {
            yield return InvoiceMentions.RecoveryIndemnity;
        }
        if (i.Kind == InvoiceKind.CreditNote && i.CreditReason is not null)
        {
            yield return $"Motif : {i.CreditReason}";
        }
        if (i.IssuerIban is not null && i.Kind == InvoiceKind.Invoice)
        {
            yield return $"Règlement par virement : IBAN {BankAccount.Grouped(i.IssuerIban)} – BIC {i.IssuerBic}";
        }
    }

    private static Invoice Sample(string name) => name switch
    {
        "normal" => Normal(),
        "long invoice" => Build(InvoiceKind.Invoice, 40, DemoIssuer, LongClient, LongAddress),
        "long credit note" => Build(InvoiceKind.CreditNote, 40, LongIssuer, LongClient, LongAddress),
        "exempt" => Exempt(),
        "one long line" => Build(InvoiceKind.Invoice, 1, LongIssuer, LongClient, LongAddress),
        "line longer than a page" => LongerThanAPage(),
        _ => throw new ArgumentOutOfRangeException(nameof(name)),
    };

    private static Invoice Normal()
    {
        var invoice = Build(InvoiceKind.Invoice, 0, DemoIssuer, "Sophie Martin", "12 rue du Port\n46140 Luzech");
        invoice.IsBusinessClient = false;
        invoice.ClientSiret = null;
        invoice.ClientEmail = "sophie.martin@example.org";
        Add(invoice, "Pass journée – Tiers-lieu de Luzech – décembre 2026", 2, 1500, 2000);
        Add(invoice, "Demi-journée – Tiers-lieu de Luzech – décembre 2026", 1, 800, 2000);
        InvoiceMath.Total(invoice);
        return invoice;
    }

    private static Invoice LongerThanAPage()
    {
        var invoice = Build(InvoiceKind.Invoice, 2, LongIssuer, LongClient, LongAddress);
        invoice.Lines[0].Description = string.Join(" ", Enumerable.Repeat(invoice.Lines[0].Description, 50));
        invoice.IssuerBic = null;
        return invoice;
    }

    private static Invoice Exempt()
    {
        var invoice = Build(InvoiceKind.Invoice, 0, LongIssuer, "Atelier du Causse", "1 rue Haute\n46140 Luzech");
        invoice.VatMention = "TVA non applicable, art. 293 B du CGI";
        invoice.IssuerIban = null;
        Add(invoice, "Salle de réunion, 2 h", 1, 2000, 0);
        InvoiceMath.Total(invoice);
        return invoice;
    }

    private static Invoice Build(InvoiceKind kind, int lines, string issuer, string client, string address)
    {
        var invoice = new Invoice
        {
            Kind = kind, Number = kind == InvoiceKind.CreditNote ? "F2027-000124" : "F2027-000123", Year = 2027, Sequence = 123,
            IssueDate = new DateOnly(2027, 1, 4), DueDate = new DateOnly(2027, 2, 3),
            IssuerName = issuer, IssuerAddress = "Maison des services publics, 2 place de la Mairie et de l'Ancienne Halle aux Grains\n46140 Luzech",
            IssuerSiret = "20006654600017", IssuerVatNumber = "FR25200066546", IssuerIban = Iban, IssuerBic = "BDFEFRPPCCT",
            ClientName = client, ClientAddress = address, ClientEmail = LongEmail, ClientSiret = "73282932000074", IsBusinessClient = true,
            PaymentTerms = InvoiceMentions.PaymentTerms(30),
            CreditedInvoiceNumber = kind == InvoiceKind.CreditNote ? "F2027-000123" : null,
            CreditReason = kind == InvoiceKind.CreditNote
                ? "Fermeture du tiers-lieu pour travaux de fibre du 9 au 10 décembre : les réservations de la salle sont remboursées aux participants, déjeuners compris, selon la délibération du conseil communautaire."
                : null,
        };
        for (var n = 1; n <= lines; n++)
        {
            var description = $"Ligne {n:00} – location de la salle de réunion « Le Causse », vidéoprojecteur, café d'accueil, déjeuner pour douze personnes";
            Assert.Equal(120, description.Length);
            // Wide amounts: 4 567,89 € a unit, up to 50 units; a single line holds the largest total an invoice can.
            var (quantity, unit) = lines == 1 ? (214, InvoiceMath.MaxUnitCents) : (10 + n, 456_789);
            Add(invoice, description, quantity, unit, 2000);
        }
        InvoiceMath.Total(invoice);
        return invoice;
    }

    private static void Add(Invoice invoice, string description, int quantity, int unitCents, int rate) =>
        invoice.Lines.Add(InvoiceMath.Line(new LineRequest(description, quantity, unitCents, rate), invoice.Lines.Count + 1));

    private static bool Overlap(Word a, Word b)
    {
        const double tolerance = 0.5;
        var x = a.BoundingBox;
        var y = b.BoundingBox;
        return x.Left < y.Right - tolerance && y.Left < x.Right - tolerance
            && x.Bottom < y.Top - tolerance && y.Bottom < x.Top - tolerance;
    }

    private static string Box(Word w) =>
        string.Create(CultureInfo.InvariantCulture, $"[{w.BoundingBox.Left:0.#}, {w.BoundingBox.Bottom:0.#} – {w.BoundingBox.Right:0.#}, {w.BoundingBox.Top:0.#}]");

    /// <summary>
    /// A page's text in the order it is drawn, words apart: a space wherever the next letter is not right after the
    /// previous one on the same line (a cell wrapped over several lines reads on; a label and its amount stay apart).
    /// </summary>
    private static string Read(Page page)
    {
        var text = new System.Text.StringBuilder();
        Letter? previous = null;
        foreach (var letter in page.Letters)
        {
            if (previous is not null && (Math.Abs(letter.StartBaseLine.Y - previous.StartBaseLine.Y) > 1
                || letter.StartBaseLine.X < previous.StartBaseLine.X || letter.StartBaseLine.X - previous.EndBaseLine.X > 1))
            {
                text.Append(' ');
            }
            text.Append(letter.Value);
            previous = letter;
        }
        return Normal(text.ToString());
    }

    private static string Normal(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
