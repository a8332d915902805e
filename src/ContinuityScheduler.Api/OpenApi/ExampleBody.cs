namespace ContinuityScheduler.Api.OpenApi;

/// <summary>Endpoint metadata: an example request body for the OpenAPI document.</summary>
public sealed record ExampleBody(object Value);
