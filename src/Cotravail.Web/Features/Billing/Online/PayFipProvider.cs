using System.Globalization;
using System.Text;
using System.Xml.Linq;
using Microsoft.Extensions.Options;

namespace Cotravail.Web.Features.Billing.Online;

/// <summary>
/// PayFiP's web service (DGFiP, « PaiementSecuriseService », SOAP 1.1): <c>creerPaiementSecurise</c> (numcli, exer, refdet,
/// objet, montant in cents, mel, saisie, urlnotif, urlredirect) answers an <c>idOp</c>; the payer goes to
/// <c>paiementws.web?idop=…</c>; <c>recupererDetailPaiementSecurise(idOp)</c> answers resultrans (P = paid; R refused, A
/// abandoned…), numauto, dattrans (ddMMyyyy), heurtrans (HHmm), montant, and the numcli and refdet it was created with.
/// </summary>
public sealed class PayFipProvider(HttpClient http, IOptions<OnlinePaymentOptions> options) : IPaymentProvider
{
    public const string Namespace = "http://securite.service.tpa.cp.finances.gouv.fr/services/mas_securite/contrat_paiement_securise/PaiementSecuriseService";
    private static readonly XNamespace Soap = "http://schemas.xmlsoap.org/soap/envelope/";
    private static readonly XNamespace Service = Namespace;

    public OnlineProviderKind Kind => OnlineProviderKind.PayFip;

    public async Task<Collecting> CollectAsync(ProviderSettings settings, CollectRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(request);
        var fields = new (string, string)[]
        {
            ("exer", request.IssueYear.ToString(CultureInfo.InvariantCulture)),
            ("mel", request.Email ?? ""),
            ("montant", request.AmountCents.ToString(CultureInfo.InvariantCulture)),
            ("numcli", settings.PayFipNumcli ?? ""),
            ("objet", Objet(request.Label)),
            ("refdet", request.InvoiceNumber),
            ("saisie", settings.PayFipSaisie),
            ("urlnotif", request.NotifyUrl.AbsoluteUri),
            ("urlredirect", request.ReturnUrl.AbsoluteUri),
        };
        var answer = await CallAsync("creerPaiementSecurise", fields, ct);
        var idOp = Field(answer, "idOp");
        if (string.IsNullOrEmpty(idOp))
        {
            throw new ProviderUnavailableException("PayFiP answered no idOp: " + Fault(answer));
        }
        var page = options.Value.PayFipPaymentPage;
        return new Collecting(idOp, new Uri($"{page}{(page.Contains('?', StringComparison.Ordinal) ? '&' : '?')}idop={Uri.EscapeDataString(idOp)}"));
    }

    public async Task<ProviderOutcome> AskAsync(ProviderSettings settings, string reference, string? expectedInvoiceNumber, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var answer = await CallAsync("recupererDetailPaiementSecurise", [("idOp", reference)], ct);
        if (Fault(answer) is { } fault)
        {
            // P5: the result is not known yet (the payer is still on PayFiP's page); any other fault: PayFiP does not know it.
            return fault.Contains("P5", StringComparison.Ordinal)
                ? new ProviderOutcome(ProviderAnswer.Pending, 0, PaymentMethod.OnlineCard, null, "PayFiP : " + fault)
                : ProviderOutcome.Unknown("PayFiP : " + fault);
        }
        if (Field(answer, "numcli") != settings.PayFipNumcli || (expectedInvoiceNumber is not null && Field(answer, "refdet") != expectedInvoiceNumber))
        {
            return ProviderOutcome.Unknown("PayFiP : idOp d'un autre client ou d'une autre facture");
        }
        var result = Field(answer, "resultrans") ?? "";
        var amount = int.TryParse(Field(answer, "montant"), NumberStyles.None, CultureInfo.InvariantCulture, out var cents) ? cents : 0;
        var numauto = Field(answer, "numauto");
        var when = $"{Field(answer, "dattrans")} {Field(answer, "heurtrans")}".Trim();
        var detail = $"PayFiP resultrans {result}, numauto {numauto}, {when}";
        // P: paid by card; V: paid by single SEPA debit (PayFiP's « prélèvement unique »); A, R, Z: abandoned or refused.
        return result switch
        {
            "P" => new ProviderOutcome(ProviderAnswer.Paid, amount, PaymentMethod.OnlineCard, numauto, detail),
            "V" => new ProviderOutcome(ProviderAnswer.Paid, amount, PaymentMethod.OnlineSepa, numauto, detail),
            "" => new ProviderOutcome(ProviderAnswer.Pending, 0, PaymentMethod.OnlineCard, null, detail),
            _ => new ProviderOutcome(ProviderAnswer.Refused, amount, PaymentMethod.OnlineCard, null, detail),
        };
    }

    /// <summary>PayFiP's « objet »: letters, digits and spaces, 100 characters at most.</summary>
    private static string Objet(string label)
    {
        var plain = new string(label.Normalize(NormalizationForm.FormD).Where(c => char.IsAsciiLetterOrDigit(c) || c == ' ').ToArray());
        return plain.Length > 100 ? plain[..100] : plain;
    }

    private async Task<XDocument> CallAsync(string operation, IEnumerable<(string Name, string Value)> fields, CancellationToken ct)
    {
        var envelope = new XDocument(new XElement(Soap + "Envelope",
            new XAttribute(XNamespace.Xmlns + "soapenv", Soap.NamespaceName),
            new XAttribute(XNamespace.Xmlns + "pai", Service.NamespaceName),
            new XElement(Soap + "Header"),
            new XElement(Soap + "Body",
                new XElement(Service + operation,
                    new XElement("arg0", fields.Select(f => new XElement(f.Name, f.Value)))))));
        using var content = new StringContent(envelope.ToString(SaveOptions.DisableFormatting), Encoding.UTF8, "text/xml");
        content.Headers.Add("SOAPAction", "\"\"");
        try
        {
            using var response = await http.PostAsync(new Uri(options.Value.PayFipEndpoint), content, ct);
            var text = await response.Content.ReadAsStringAsync(ct);
            // A SOAP fault comes back as 500 with its envelope: read it like an answer.
            return XDocument.Parse(text);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or System.Xml.XmlException)
        {
            throw new ProviderUnavailableException("PayFiP could not be reached or answered something else than SOAP.", e);
        }
    }

    /// <summary>A field of the answer's <c>return</c> by its local name (PayFiP qualifies them with its « reponse » namespace).</summary>
    private static string? Field(XDocument answer, string name) =>
        answer.Descendants().FirstOrDefault(e => e.Name.LocalName == name && !e.HasElements)?.Value.Trim();

    private static string? Fault(XDocument answer)
    {
        var fault = answer.Descendants(Soap + "Fault").FirstOrDefault();
        if (fault is null)
        {
            return null;
        }
        var code = fault.Descendants().FirstOrDefault(e => e.Name.LocalName == "code")?.Value.Trim();
        var text = fault.Descendants().FirstOrDefault(e => e.Name.LocalName is "descriptif" or "libelle" or "faultstring")?.Value.Trim();
        return $"{code} {text}".Trim();
    }
}
