namespace ContinuityScheduler.Api.OpenApi;

/// <summary>Endpoint metadata: which key header the endpoint needs, for the OpenAPI document.</summary>
public sealed record SecuredBy(string Scheme)
{
    public const string ApiKey = "ApiKey";
    public const string AdminKey = "AdminKey";
}
