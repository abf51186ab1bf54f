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

    /// <summary>
    /// Identity's <c>POST /manage/info</c> would change the e-mail address (and with it the user name) on a link sent to
    /// the new address, without the password and without a word to the old one: whoever holds a session could take the
    /// account. The address changes through <c>POST /api/v1/me/account/email</c> only (password, warning to the old
    /// address); here a <c>newEmail</c> answers 400 and nothing is sent. Changing the password keeps working.
    /// </summary>
    public static EndpointFilterDelegate RefuseEmailChange(EndpointFilterFactoryContext factory, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(factory);
        var index = Array.FindIndex(factory.MethodInfo.GetParameters(), p => p.ParameterType == typeof(Microsoft.AspNetCore.Identity.Data.InfoRequest));
        if (index < 0)
        {
            return next;
        }
        return async context => context.Arguments[index] is Microsoft.AspNetCore.Identity.Data.InfoRequest { NewEmail: { Length: > 0 } }
            ? ApiProblems.Invalid("newEmail", EmailChangeElsewhere)
            : await next(context);
    }

    public const string EmailChangeElsewhere =
        "L'adresse e-mail se change par POST /api/v1/me/account/email, avec le mot de passe (ou sur la page « Mon compte »).";

    private static PropertyInfo[] RequiredStrings(Type type) =>
        type.Namespace == "Microsoft.AspNetCore.Identity.Data"
            ? [.. type.GetProperties().Where(p => p.PropertyType == typeof(string) && p.IsDefined(typeof(RequiredMemberAttribute), inherit: false))]
            : [];
}
