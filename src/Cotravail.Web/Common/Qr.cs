using QRCoder;

namespace Cotravail.Web.Common;

/// <summary>QR codes as SVG data URIs (QRCoder), so pages show them in an &lt;img&gt; under the strict content policy.</summary>
public static class Qr
{
    public static string SvgDataUri(string text)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(text, QRCodeGenerator.ECCLevel.M);
        var svg = new SvgQRCode(data).GetGraphic(6);
        return "data:image/svg+xml;base64," + Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(svg));
    }
}
