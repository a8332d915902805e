using System.Text.Json;
using ContinuityScheduler.Api.Security;
using ContinuityScheduler.Domain.Json;
using Microsoft.OpenApi;
using NodaTime;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace ContinuityScheduler.Api.OpenApi;

/// <summary>The OpenAPI document: key schemes, ISO-8601 types, example bodies and problem documents.</summary>
public static class SwaggerSetup
{
    public const string Document = "v1";

    public static void AddContinuitySwagger(this IServiceCollection services) => services.AddSwaggerGen(options =>
    {
        options.SwaggerDoc(Document, new OpenApiInfo
        {
            Title = "ContinuityScheduler API",
            Version = "v1",
            Description = "Staff rotas for children's homes in which every group sees the same few caregivers, within labour law. "
                + "Send your institution's key in X-Api-Key. Errors are RFC 9457 problem documents; invalid fields are listed in 'errors' with their JSON paths. "
                + "Dates are ISO-8601 (yyyy-MM-dd), times of day HH:mm in the institution's zone. "
                + $"Ids of every resource, in bodies and routes: {Ids.Rule} (pattern {Ids.Pattern}); no text holds control characters. "
                + "Limits: bodies application/json or application/problem+json only (else 415), at most MaxRequestBodyBytes (4 MiB by default, else 413), nested at most 32 deep, "
                + "no member given twice and no lone UTF-16 surrogate; "
                + $"a rota holds at most {RotaReader.MaxAssignments} assignments, none twice; at most {ErrorText.MaxErrors} errors are listed, with a count of the rest; "
                + "the validator lists at most 50 violations of one rule for one caregiver and counts the rest ('omitted'); "
                + "RequestsPerMinute (1200 by default) per key and RequestsPerMinutePerAddress (6000) per network address, beyond which 429 with Retry-After.",
        });
        options.AddSecurityDefinition(SecuredBy.ApiKey, new OpenApiSecurityScheme { Type = SecuritySchemeType.ApiKey, In = ParameterLocation.Header, Name = ApiKeys.Header, Description = "The institution's API key." });
        options.AddSecurityDefinition(SecuredBy.AdminKey, new OpenApiSecurityScheme { Type = SecuritySchemeType.ApiKey, In = ParameterLocation.Header, Name = ApiKeys.AdminHeader, Description = "The administrator's key from configuration." });
        options.MapType<LocalDate>(() => new OpenApiSchema { Type = JsonSchemaType.String, Format = "date" });
        options.MapType<LocalTime>(() => new OpenApiSchema { Type = JsonSchemaType.String, Format = "time" });
        options.OperationFilter<ContinuityOperationFilter>();
        options.SchemaFilter<IdPropertyFilter>();
        options.CustomSchemaIds(type => type.Name);
    });

    private sealed class ContinuityOperationFilter : IOperationFilter
    {
        private static OpenApiParameter OptionalHeader(string name, string description) => new()
        {
            Name = name,
            In = ParameterLocation.Header,
            Required = false,
            Description = description,
            Schema = new OpenApiSchema { Type = JsonSchemaType.String },
        };

        public void Apply(OpenApiOperation operation, OperationFilterContext context)
        {
            var metadata = context.ApiDescription.ActionDescriptor.EndpointMetadata;
            operation.Parameters ??= [];
            AddRouteParameters(operation, context.ApiDescription.RelativePath ?? "");
            if (metadata.OfType<SecuredBy>().LastOrDefault() is { } secured)
            {
                operation.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(secured.Scheme, context.Document)] = [] }];
                operation.Responses ??= [];
                operation.Responses.TryAdd("401", new OpenApiResponse
                {
                    Description = "Unauthorized: the key is missing, unknown or revoked",
                    Content = new Dictionary<string, IOpenApiMediaType> { ["application/problem+json"] = new OpenApiMediaType { Schema = new OpenApiSchemaReference("ProblemDetails", context.Document) } },
                });
            }

            if (operation.Responses?.ContainsKey("412") == true)
            {
                operation.Parameters.Add(OptionalHeader("If-Match", "The ETag you read; the request fails with 412 when the resource has changed since."));
                if (context.ApiDescription.HttpMethod == "PUT")
                {
                    operation.Parameters.Add(OptionalHeader("If-None-Match", "'*' creates only: the request fails with 412 when the resource exists already."));
                }
            }

            if (metadata.OfType<ExampleBody>().LastOrDefault() is { } example && operation.RequestBody?.Content is { } content)
            {
                foreach (var media in content.Values.OfType<OpenApiMediaType>())
                {
                    media.Example = JsonSerializer.SerializeToNode(example.Value, WithoutNulls);
                }
            }

            foreach (var (status, response) in operation.Responses ?? [])
            {
                if (status.StartsWith('4') && response.Content?.TryGetValue("application/problem+json", out var media) == true && media is OpenApiMediaType problem)
                {
                    problem.Example = JsonSerializer.SerializeToNode(ProblemExample(status), WithoutNulls);
                }
            }
        }

        private static readonly JsonSerializerOptions WithoutNulls = new(JsonDefaults.Options) { DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull };

        /// <summary>Route values bound by a group filter, not by the handler, are still parameters of the operation.</summary>
        private static void AddRouteParameters(OpenApiOperation operation, string path)
        {
            foreach (System.Text.RegularExpressions.Match match in System.Text.RegularExpressions.Regex.Matches(path, @"\{(\w+)(:[^}]*)?\}"))
            {
                var name = match.Groups[1].Value;
                if (!operation.Parameters!.Any(p => p.Name == name && p.In == ParameterLocation.Path))
                {
                    operation.Parameters!.Insert(0, new OpenApiParameter { Name = name, In = ParameterLocation.Path, Required = true, Schema = new OpenApiSchema { Type = JsonSchemaType.String } });
                }
            }

            foreach (var parameter in operation.Parameters!.Where(p => p.In == ParameterLocation.Path && ResourceIds.Contains(p.Name!)))
            {
                IdPropertyFilter.Constrain(parameter.Schema);
            }
        }

        /// <summary>Route values that name a resource by its id (generated ids such as rotaId are uuids; keyId and token are secrets' handles).</summary>
        private static readonly HashSet<string> ResourceIds = ["institutionId", "caregiverId", "childId", "scenarioId", "key"];

        private static object ProblemExample(string status)
        {
            var code = int.Parse(status, System.Globalization.CultureInfo.InvariantCulture);
            return code == 400
                ? new { type = "https://tools.ietf.org/html/rfc9110#section-15.5.1", title = "Invalid request", status = 400, detail = "One or more fields are invalid; each is listed in 'errors' with its JSON path.", errors = new[] { new { path = "$.contract.hoursPerWeek", reason = "Must lie between 0 and 168, found -3." } } }
                : new { type = "https://tools.ietf.org/html/rfc9110", title = Microsoft.AspNetCore.WebUtilities.ReasonPhrases.GetReasonPhrase(code), status = code, detail = $"What went wrong, in one sentence (HTTP {code})." };
        }
    }

    /// <summary>String properties named id or …Id (and the items of …Ids) follow the id grammar; externalId is an HR system's own, free text.</summary>
    private sealed class IdPropertyFilter : ISchemaFilter
    {
        public void Apply(IOpenApiSchema schema, SchemaFilterContext context)
        {
            foreach (var (name, property) in schema.Properties ?? new Dictionary<string, IOpenApiSchema>())
            {
                if (name == "id" || (name.EndsWith("Id", StringComparison.Ordinal) && name != "externalId"))
                {
                    Constrain(property);
                }
                else if (name.EndsWith("Ids", StringComparison.Ordinal))
                {
                    Constrain(property.Items);
                }
            }
        }

        public static void Constrain(IOpenApiSchema? schema)
        {
            if (schema is OpenApiSchema { Format: null } inline && inline.Type?.HasFlag(JsonSchemaType.String) == true)
            {
                inline.Pattern = Ids.Pattern;
                inline.MaxLength = 64;
            }
        }
    }
}
