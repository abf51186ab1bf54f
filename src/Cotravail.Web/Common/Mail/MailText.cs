using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;

namespace Cotravail.Web.Common.Mail;

/// <summary>A French e-mail written once and rendered twice: plain text (links alone on their line) and simple HTML.</summary>
public sealed class MailText
{
    private static readonly HtmlEncoder Html = HtmlEncoder.Create(UnicodeRanges.All);

    private readonly StringBuilder _text = new();
    private readonly StringBuilder _html = new();

    /// <summary>A paragraph of one or more lines.</summary>
    public MailText Paragraph(params string[] lines)
    {
        _text.AppendJoin('\n', lines).Append("\n\n");
        _html.Append("<p>").AppendJoin("<br>\n", lines.Select(Html.Encode)).Append("</p>\n");
        return this;
    }

    /// <summary>A sentence, then the link alone on the next line.</summary>
    public MailText Link(string sentence, string url)
    {
        _text.Append(sentence).Append('\n').Append(url).Append("\n\n");
        var href = Html.Encode(url);
        _html.Append("<p>").Append(Html.Encode(sentence)).Append("<br>\n<a href=\"").Append(href).Append("\">")
            .Append(href).Append("</a></p>\n");
        return this;
    }

    /// <summary>The mail, its recipient left empty.</summary>
    public OutgoingMail ToMail(string subject)
    {
        var html = $"""
            <!DOCTYPE html>
            <html lang="fr">
            <head><meta charset="utf-8"><title>{Html.Encode(subject)}</title></head>
            <body style="font-family: sans-serif; line-height: 1.5; color: #1d2327;">
            {_html}</body>
            </html>
            """;
        return new OutgoingMail("", subject, _text.ToString().TrimEnd() + "\n", html);
    }
}
