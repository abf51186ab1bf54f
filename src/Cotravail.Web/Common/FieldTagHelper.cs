using System.Globalization;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Cotravail.Web.Common;

/// <summary>
/// One form field as every form of Cotravail writes it: a label, the input, an optional hint and the field's
/// error messages, tied together with <c>aria-describedby</c> and <c>aria-invalid</c> so a screen reader says them.
/// <c>&lt;cv-field asp-for="Input.Name" type="text|email|number|date|time|tel|password|textarea|checkbox" hint="…" /&gt;</c>
/// </summary>
[HtmlTargetElement("cv-field", TagStructure = TagStructure.WithoutEndTag)]
public sealed class FieldTagHelper(HtmlEncoder encoder) : TagHelper
{
    [HtmlAttributeName("asp-for")]
    public ModelExpression For { get; set; } = null!;

    public string Type { get; set; } = "text";
    public string? Hint { get; set; }
    public string? Autocomplete { get; set; }
    public bool Required { get; set; }
    public string? Inputmode { get; set; }
    public int Rows { get; set; } = 4;
    public string? Min { get; set; }
    public string? Max { get; set; }
    public string? Step { get; set; }

    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var enc = encoder;
        var name = ViewContext.ViewData.TemplateInfo.GetFullHtmlFieldName(For.Name);
        var id = TagBuilder.CreateSanitizedId(name, "_");
        var errors = ViewContext.ViewData.ModelState.TryGetValue(name, out var entry)
            ? entry.Errors.Select(e => e.ErrorMessage).Where(m => m.Length > 0).ToList()
            : [];
        var label = For.Metadata.DisplayName ?? For.Name;
        var value = entry?.AttemptedValue ?? FormatValue(For.Model);
        var describedBy = new List<string>();
        if (Hint is not null)
        {
            describedBy.Add(id + "-hint");
        }
        if (errors.Count > 0)
        {
            describedBy.Add(id + "-error");
        }
        var aria = (describedBy.Count > 0 ? $" aria-describedby=\"{string.Join(' ', describedBy)}\"" : "")
            + (errors.Count > 0 ? " aria-invalid=\"true\"" : "")
            + (Required ? " required" : "")
            + (Autocomplete is null ? "" : $" autocomplete=\"{enc.Encode(Autocomplete)}\"")
            + (Inputmode is null ? "" : $" inputmode=\"{enc.Encode(Inputmode)}\"")
            + (Min is null ? "" : $" min=\"{enc.Encode(Min)}\"")
            + (Max is null ? "" : $" max=\"{enc.Encode(Max)}\"")
            + (Step is null ? "" : $" step=\"{enc.Encode(Step)}\"");
        var cls = errors.Count > 0 ? " class=\"input-validation-error\"" : "";
        var html = new System.Text.StringBuilder();
        var isCheckbox = Type == "checkbox";
        html.Append(CultureInfo.InvariantCulture, $"<div class=\"field{(isCheckbox ? " check" : "")}\">");
        var labelHtml = $"<label for=\"{id}\">{enc.Encode(label)}</label>";
        if (isCheckbox)
        {
            var isChecked = value is not null && bool.TryParse(value.Split(',')[0], out var b) && b;
            html.Append(CultureInfo.InvariantCulture,
                $"<input type=\"checkbox\" id=\"{id}\" name=\"{enc.Encode(name)}\" value=\"true\"{(isChecked ? " checked" : "")}{aria}{cls}>");
            html.Append(labelHtml);
            html.Append(CultureInfo.InvariantCulture, $"<input type=\"hidden\" name=\"{enc.Encode(name)}\" value=\"false\">");
        }
        else
        {
            html.Append(labelHtml);
            if (Hint is not null)
            {
                html.Append(CultureInfo.InvariantCulture, $"<p class=\"hint\" id=\"{id}-hint\">{enc.Encode(Hint)}</p>");
            }
            html.Append(Type == "textarea"
                ? $"<textarea id=\"{id}\" name=\"{enc.Encode(name)}\" rows=\"{Rows}\"{aria}{cls}>{enc.Encode(value ?? "")}</textarea>"
                : $"<input type=\"{enc.Encode(Type)}\" id=\"{id}\" name=\"{enc.Encode(name)}\" value=\"{enc.Encode(value ?? "")}\"{aria}{cls}>");
        }
        if (isCheckbox && Hint is not null)
        {
            html.Append(CultureInfo.InvariantCulture, $"<p class=\"hint\" id=\"{id}-hint\">{enc.Encode(Hint)}</p>");
        }
        if (errors.Count > 0)
        {
            html.Append(CultureInfo.InvariantCulture, $"<p class=\"field-error\" id=\"{id}-error\">{enc.Encode(string.Join(" ", errors))}</p>");
        }
        html.Append("</div>");
        output.TagName = null;
        output.Content.SetHtmlContent(html.ToString());
    }

    private static string? FormatValue(object? model) => model switch
    {
        null => null,
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        TimeOnly t => t.ToString("HH:mm", CultureInfo.InvariantCulture),
        bool b => b ? "true" : "false",
        IFormattable f => f.ToString(null, CultureInfo.CurrentCulture),
        _ => model.ToString(),
    };
}
