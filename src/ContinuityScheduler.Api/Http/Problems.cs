using Microsoft.AspNetCore.Http.HttpResults;

namespace ContinuityScheduler.Api.Http;

/// <summary>The RFC 9457 problem documents the API answers with; every error goes through here.</summary>
public static class Problems
{
    public static ProblemHttpResult Invalid(IEnumerable<FieldError> errors, string detail = "One or more fields are invalid; each is listed in 'errors' with its JSON path.") =>
        Problem(StatusCodes.Status400BadRequest, "Invalid request", detail, errors);

    public static ProblemHttpResult Invalid(string path, string reason) => Invalid([new FieldError(path, reason)]);

    public static ProblemHttpResult NotFound(string what) =>
        Problem(StatusCodes.Status404NotFound, "Not found", $"There is no {what}.");

    /// <summary>A 404 for an id given in the route, named by its path as a 400 would name it.</summary>
    public static ProblemHttpResult NotFound(string what, string path) =>
        Problem(StatusCodes.Status404NotFound, "Not found", $"There is no {what}.", [new FieldError(path, $"There is no {what}.")]);

    public static ProblemHttpResult Conflict(string detail, IEnumerable<FieldError>? errors = null) =>
        Problem(StatusCodes.Status409Conflict, "Conflict", detail, errors);

    public static ProblemHttpResult PreconditionFailed(string currentETag) =>
        Problem(StatusCodes.Status412PreconditionFailed, "Precondition failed", $"The resource has changed; its current ETag is {currentETag}. Read it again and retry.");

    public static ProblemHttpResult Unauthorized(string detail) =>
        Problem(StatusCodes.Status401Unauthorized, "Unauthorized", detail);

    public static ProblemHttpResult TooLarge(long limit) =>
        Problem(StatusCodes.Status413PayloadTooLarge, "Request body too large", $"The body may hold at most {limit} bytes.");

    public static ProblemHttpResult UnsupportedMediaType() =>
        Problem(StatusCodes.Status415UnsupportedMediaType, "Unsupported media type", "Send the body as application/json.");

    public static ProblemHttpResult RateLimited(int retryAfterSeconds) =>
        Problem(StatusCodes.Status429TooManyRequests, "Too many requests", $"This key (or this address) has used its requests for the minute; retry in about {retryAfterSeconds} s.");

    public static ProblemHttpResult QueueFull(int retryAfterSeconds) =>
        Problem(StatusCodes.Status429TooManyRequests, "Too many solve jobs", $"The solve queue is full; retry in about {retryAfterSeconds} s.");

    private static ProblemHttpResult Problem(int status, string title, string detail, IEnumerable<FieldError>? errors = null)
    {
        var extensions = new Dictionary<string, object?>();
        if (errors is not null)
        {
            extensions["errors"] = errors.ToList();
        }

        return TypedResults.Problem(detail, statusCode: status, title: title, extensions: extensions);
    }
}
