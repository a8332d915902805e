using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace ContinuityScheduler.Api.Http;

/// <summary>Reads a JSON body within the size limit; the endpoints parse it themselves so every error names its path.</summary>
public static class RequestBody
{
    public static async Task<(string? Text, ProblemHttpResult? Problem)> ReadTextAsync(HttpRequest request, CancellationToken cancellation)
    {
        var limit = request.HttpContext.RequestServices.GetRequiredService<IOptions<ServiceOptions>>().Value.MaxRequestBodyBytes;
        if (request.ContentType is not { } type || !type.StartsWith("application/json", StringComparison.OrdinalIgnoreCase))
        {
            return (null, Problems.UnsupportedMediaType());
        }

        if (request.ContentLength > limit)
        {
            return (null, Problems.TooLarge(limit));
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellation)) > 0)
        {
            if (buffer.Length + read > limit)
            {
                return (null, Problems.TooLarge(limit));
            }

            buffer.Write(chunk, 0, read);
        }

        try
        {
            return (new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(buffer.GetBuffer(), 0, (int)buffer.Length), null);
        }
        catch (DecoderFallbackException)
        {
            return (null, Problems.Invalid("$", "The body is not UTF-8 text."));
        }
    }

    /// <summary>The body as a JSON object, or a problem naming where the JSON breaks.</summary>
    public static async Task<(JsonObject? Body, ProblemHttpResult? Problem)> ReadObjectAsync(HttpRequest request, CancellationToken cancellation)
    {
        var (text, problem) = await ReadTextAsync(request, cancellation);
        if (problem is not null)
        {
            return (null, problem);
        }

        try
        {
            return JsonNode.Parse(text!, documentOptions: new JsonDocumentOptions { MaxDepth = 32 }) is JsonObject body
                ? (body, null)
                : (null, Problems.Invalid("$", "The body must be a JSON object."));
        }
        catch (JsonException e)
        {
            return (null, Problems.Invalid(e.Path ?? "$", $"Not valid JSON (line {e.LineNumber + 1}, byte {e.BytePositionInLine + 1})."));
        }
    }
}
