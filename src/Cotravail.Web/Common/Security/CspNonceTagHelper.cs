using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Cotravail.Web.Common.Security;

/// <summary>
/// Every <c>&lt;script&gt;</c> and <c>&lt;style&gt;</c> element written by a view gets this request's content-policy
/// nonce, so an inline block the policy must allow needs nothing more (a script from <c>/js</c> is allowed anyway).
/// </summary>
[HtmlTargetElement("script")]
[HtmlTargetElement("style")]
public sealed class CspNonceTagHelper : TagHelper
{
    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(output);
        output.Attributes.SetAttribute("nonce", ViewContext.HttpContext.CspNonce());
    }
}
