using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Cotravail.Web.Common.Api;

namespace Cotravail.Web.Features.Accounts;

/// <summary>
/// Identity's API endpoints (<c>/api/v1/auth/…</c>) take bodies whose required fields may still arrive as
/// <c>null</c> (<c>{"email": null}</c>), which Identity then throws on. This filter answers a 400 ValidationProblem
/// naming each empty required field instead.
/// </summary>
public static class IdentityApiInput
{
    public static EndpointFilterDelegate RejectEmptyRequiredFields(EndpointFilterFactoryContext factory, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(factory);
        var checkedFields = factory.MethodInfo.GetParameters()
            .Select((p, index) => (index, fields: RequiredStrings(p.ParameterType)))
            .Where(x => x.fields.Length > 0)
            .ToList();
        if (checkedFields.Count == 0)
        {
            return next;
        }
        return async context =>
        {
            var errors = new Dictionary<string, string[]>();
            foreach (var (index, fields) in checkedFields)
            {
                var body = context.Arguments[index];
                foreach (var field in fields.Where(f => body is null || string.IsNullOrWhiteSpace((string?)f.GetValue(body))))
                {
                    errors[JsonNamingPolicy.CamelCase.ConvertName(field.Name)] = ["Ce champ est obligatoire."];
                }
            }
            return errors.Count > 0
                ? ApiProblems.Invalid(errors)
                : await next(context);
        };
    }

    private static PropertyInfo[] RequiredStrings(Type type) =>
        type.Namespace == "Microsoft.AspNetCore.Identity.Data"
            ? [.. type.GetProperties().Where(p => p.PropertyType == typeof(string) && p.IsDefined(typeof(RequiredMemberAttribute), inherit: false))]
            : [];
}
