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
                + "Dates are ISO-8601 (yyyy-MM-dd), times of day HH:mm in the institution's zone.",
        });
        options.AddSecurityDefinition(SecuredBy.ApiKey, new OpenApiSecurityScheme { Type = SecuritySchemeType.ApiKey, In = ParameterLocation.Header, Name = ApiKeys.Header, Description = "The institution's API key." });
        options.AddSecurityDefinition(SecuredBy.AdminKey, new OpenApiSecurityScheme { Type = SecuritySchemeType.ApiKey, In = ParameterLocation.Header, Name = ApiKeys.AdminHeader, Description = "The administrator's key from configuration." });
        options.MapType<LocalDate>(() => new OpenApiSchema { Type = JsonSchemaType.String, Format = "date" });
        options.MapType<LocalTime>(() => new OpenApiSchema { Type = JsonSchemaType.String, Format = "time" });
        options.OperationFilter<ContinuityOperationFilter>();
        options.CustomSchemaIds(type => type.Name);
    });

    private sealed class ContinuityOperationFilter : IOperationFilter
    {
        public void Apply(OpenApiOperation operation, OperationFilterContext context)
        {
            var metadata = context.ApiDescription.ActionDescriptor.EndpointMetadata;
            if (metadata.OfType<SecuredBy>().LastOrDefault() is { } secured)
            {
                operation.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(secured.Scheme, context.Document)] = [] }];
            }

            if (metadata.OfType<ExampleBody>().LastOrDefault() is { } example && operation.RequestBody?.Content is { } content)
            {
                foreach (var media in content.Values.OfType<OpenApiMediaType>())
                {
                    media.Example = JsonSerializer.SerializeToNode(example.Value, JsonDefaults.Options);
                }
            }

            foreach (var (status, response) in operation.Responses ?? [])
            {
                if (status.StartsWith('4') && response.Content?.TryGetValue("application/problem+json", out var media) == true && media is OpenApiMediaType problem)
                {
                    problem.Example = JsonSerializer.SerializeToNode(ProblemExample(status), JsonDefaults.Options);
                }
            }
        }

        private static object ProblemExample(string status) => status == "400"
            ? new { type = "https://tools.ietf.org/html/rfc9110#section-15.5.1", title = "Invalid request", status = 400, detail = "One or more fields are invalid; each is listed in 'errors' with its JSON path.", errors = new[] { new { path = "$.contract.hoursPerWeek", reason = "Must lie between 0 and 168, found -3." } } }
            : new { type = "https://tools.ietf.org/html/rfc9110", title = "Problem", status = int.Parse(status, System.Globalization.CultureInfo.InvariantCulture), detail = "What went wrong, in a sentence." };
    }
}
