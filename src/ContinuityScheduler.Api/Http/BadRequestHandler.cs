using System.Text.RegularExpressions;
using ContinuityScheduler.Domain.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.Extensions.Options;

namespace ContinuityScheduler.Api.Http;

/// <summary>
/// A request the framework itself could not read (a route or query value that does not bind, a body past Kestrel's
/// limit) is the caller's error, answered as a problem document naming the field, never a 500.
/// </summary>
public sealed partial class BadRequestHandler(IOptions<ServiceOptions> options) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not BadHttpRequestException bad || context.Response.HasStarted)
        {
            return false;
        }

        var problem = bad.StatusCode == StatusCodes.Status413PayloadTooLarge
            ? Problems.TooLarge(options.Value.MaxRequestBodyBytes)
            : Parameter().Match(bad.Message) is { Success: true } match
                ? Problems.Invalid($"$.{match.Groups["name"].Value}", "Could not be read as the type this operation expects.")
                : Problems.Invalid("$", $"The request could not be read: {ErrorText.Printable(bad.Message)}");
        await problem.ExecuteAsync(context);
        return true;
    }

    // The framework's words: Failed to bind parameter "bool? confirm" from "perhaps".
    [GeneratedRegex("""parameter "(?:[^"]* )?(?<name>[A-Za-z_][A-Za-z0-9_]*)" """, RegexOptions.CultureInvariant)]
    private static partial Regex Parameter();
}
