using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using ContinuityScheduler.Domain.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace ContinuityScheduler.Api.Http;

/// <summary>Reads a JSON body within the size limit; the endpoints parse it themselves so every error names its path.</summary>
public static class RequestBody
{
    public static async Task<(string? Text, ProblemHttpResult? Problem)> ReadTextAsync(HttpRequest request, CancellationToken cancellation)
    {
        var limit = request.HttpContext.RequestServices.GetRequiredService<IOptions<ServiceOptions>>().Value.MaxRequestBodyBytes;
        if (!IsJson(request.ContentType))
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
            using (var document = JsonDocument.Parse(text!, new JsonDocumentOptions { MaxDepth = 32 }))
            {
                // A member given twice or a string that does not decode is refused here, before anything reads the body.
                var flaws = JsonShape.Flaws(document.RootElement);
                if (flaws.Count > 0)
                {
                    return (null, Problems.Invalid(ErrorText.Capped(flaws).Select(f => new FieldError(f.Path, f.Message))));
                }
            }

            return JsonNode.Parse(text!, documentOptions: new JsonDocumentOptions { MaxDepth = 32 }) is JsonObject body
                ? (body, null)
                : (null, Problems.Invalid("$", "The body must be a JSON object."));
        }
        catch (JsonException e)
        {
            return (null, Problems.Invalid(e.Path ?? "$", $"Not valid JSON (line {e.LineNumber + 1}, byte {e.BytePositionInLine + 1})."));
        }
    }

    /// <summary>application/json or application/problem+json, with at most a UTF-8 charset: nothing else is read as JSON.</summary>
    public static bool IsJson(string? contentType)
    {
        if (contentType is null || !Microsoft.Net.Http.Headers.MediaTypeHeaderValue.TryParse(contentType, out var media))
        {
            return false;
        }

        var type = media.MediaType.Value;
        var charset = media.Charset.Value;
        return (string.Equals(type, "application/json", StringComparison.OrdinalIgnoreCase) || string.Equals(type, "application/problem+json", StringComparison.OrdinalIgnoreCase))
            && (charset is null || string.Equals(charset, "utf-8", StringComparison.OrdinalIgnoreCase))
            && media.Parameters.All(p => string.Equals(p.Name.Value, "charset", StringComparison.OrdinalIgnoreCase));
    }
}
