namespace Cotravail.Web.Features.Billing;

/// <summary>What a line asks to charge: a description, a quantity, a unit price VAT included, a VAT rate.</summary>
public sealed record LineRequest(string Description, int Quantity, int UnitPriceInclTaxCents, int VatRateBasisPoints);

/// <summary>
/// Invoice amounts, exact to the cent: prices are what people pay (VAT included); each line's amount excluding tax is
/// its total divided by (1 + rate), rounded half away from zero; the VAT is the difference, so that
/// excluding tax + VAT = including tax on every line and in the totals.
/// </summary>
public static class InvoiceMath
{
    public const int MaxQuantity = 10_000;
    public const int MaxUnitCents = 10_000_000;

    /// <summary>The French messages of a line that cannot be invoiced (empty when it can).</summary>
    public static IReadOnlyList<string> Problems(LineRequest line)
    {
        ArgumentNullException.ThrowIfNull(line);
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(line.Description))
        {
            problems.Add("La désignation est obligatoire.");
        }
        if (line.Quantity is < 1 or > MaxQuantity)
        {
            problems.Add($"La quantité va de 1 à {MaxQuantity}.");
        }
        if (line.UnitPriceInclTaxCents is < 0 or > MaxUnitCents)
        {
            problems.Add("Le prix unitaire doit être positif (100 000 € au plus).");
        }
        if (line.VatRateBasisPoints is < 0 or > 10_000)
        {
            problems.Add("Le taux de TVA va de 0 à 100 %.");
        }
        return problems;
    }

    public static InvoiceLine Line(LineRequest request, int position)
    {
        ArgumentNullException.ThrowIfNull(request);
        var total = (long)request.Quantity * request.UnitPriceInclTaxCents;
        var excl = ExclTax(total, request.VatRateBasisPoints);
        return new InvoiceLine
        {
            Position = position,
            Description = request.Description.Trim(),
            Quantity = request.Quantity,
            UnitPriceInclTaxCents = request.UnitPriceInclTaxCents,
            UnitPriceExclTaxCents = (int)ExclTax(request.UnitPriceInclTaxCents, request.VatRateBasisPoints),
            VatRateBasisPoints = request.VatRateBasisPoints,
            TotalInclTaxCents = checked((int)total),
            TotalExclTaxCents = checked((int)excl),
            VatCents = checked((int)(total - excl)),
        };
    }

    /// <summary>Amount excluding tax of an amount including tax, rounded half away from zero.</summary>
    public static long ExclTax(long inclTaxCents, int rateBasisPoints)
    {
        var numerator = inclTaxCents * 10_000;
        var denominator = 10_000L + rateBasisPoints;
        return (numerator + (denominator / 2)) / denominator;
    }

    public static void Total(Invoice invoice)
    {
        ArgumentNullException.ThrowIfNull(invoice);
        invoice.TotalExclTaxCents = checked(invoice.Lines.Sum(l => l.TotalExclTaxCents));
        invoice.VatCents = checked(invoice.Lines.Sum(l => l.VatCents));
        invoice.TotalInclTaxCents = checked(invoice.Lines.Sum(l => l.TotalInclTaxCents));
    }

    public static string Number(string prefix, int year, int sequence) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{prefix}{year}-{sequence:000000}");
}
