using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Cotravail.Web.Common;

public static class FullValidation
{
    /// <summary>
    /// DataAnnotations skip an object's own rules (<see cref="IValidatableObject"/>) as soon as one field fails.
    /// A person fixing a form wants every message at once: this adds the object's rules to the fields that have none yet.
    /// </summary>
    public static void AddObjectRules(this ModelStateDictionary modelState, IValidatableObject input, string prefix, IServiceProvider? services = null)
    {
        ArgumentNullException.ThrowIfNull(modelState);
        ArgumentNullException.ThrowIfNull(input);
        if (modelState.IsValid)
        {
            return; // the rules already ran
        }
        foreach (var result in input.Validate(new ValidationContext(input, services, null)))
        {
            foreach (var member in result.MemberNames)
            {
                var key = string.IsNullOrEmpty(prefix) ? member : $"{prefix}.{member}";
                if (modelState.GetFieldValidationState(key) != ModelValidationState.Invalid)
                {
                    modelState.AddModelError(key, result.ErrorMessage ?? "");
                }
            }
        }
    }
}
