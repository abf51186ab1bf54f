using Cotravail.Web.Common.Api;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Web.Common;

/// <summary>
/// The one exception handler. On <c>/api</c> it answers RFC 9457 ProblemDetails: a bad request body is a 400, a value
/// a parameter could not take a 400 naming the field (<see cref="BindingProblems"/>), a broken rule or a write conflict
/// a 409, anything else a 500 without details. Elsewhere it lets the
/// French error page (<c>/erreur</c>) answer.
/// </summary>
internal sealed partial class GlobalExceptionHandler(
    IProblemDetailsService problems, ILogger<GlobalExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var (status, title) = exception switch
        {
            BadHttpRequestException bad => (bad.StatusCode, FrenchProblemDetails.TitleFor(bad.StatusCode) ?? "La requête n'est pas valide."),
            RuleBrokenException => (StatusCodes.Status409Conflict, exception.Message),
            DbUpdateConcurrencyException or DbUpdateException => (StatusCodes.Status409Conflict,
                "Une autre modification est passée au même moment ; réessayez."),
            _ => (StatusCodes.Status500InternalServerError, "Une erreur inattendue s'est produite."),
        };
        if (status >= 500)
        {
            LogUnhandled(logger, exception, httpContext.Features.Get<IExceptionHandlerPathFeature>()?.Path ?? httpContext.Request.Path.Value ?? "");
        }
        // The handler runs after the path was rewritten to the error page: decide on the path that failed.
        var failedPath = httpContext.Features.Get<IExceptionHandlerPathFeature>()?.Path ?? httpContext.Request.Path.Value ?? "";
        if (!ApiPaths.IsApi(failedPath))
        {
            if (status < 500)
            {
                httpContext.Response.StatusCode = status;
            }
            return false; // the /erreur page answers
        }
        httpContext.Response.StatusCode = status;
        var problem = exception is BadHttpRequestException badRequest
            ? BindingProblems.Describe(badRequest, httpContext.Features.Get<IExceptionHandlerPathFeature>()?.Endpoint)
            : null;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails = problem ?? new ProblemDetails { Status = status, Title = title },
        });
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled exception on {Path}")]
    private static partial void LogUnhandled(ILogger logger, Exception exception, string path);
}
