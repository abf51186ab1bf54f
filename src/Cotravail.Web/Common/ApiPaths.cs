namespace Cotravail.Web.Common;

public static class ApiPaths
{
    public const string Root = "/api";

    public static bool IsApi(string path) =>
        path.Equals(Root, StringComparison.OrdinalIgnoreCase) || path.StartsWith(Root + "/", StringComparison.OrdinalIgnoreCase);

    public static bool IsApi(this HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Request.Path.StartsWithSegments(Root, StringComparison.OrdinalIgnoreCase);
    }
}
