using ContinuityScheduler.Api;
using ContinuityScheduler.Api.Advice;
using ContinuityScheduler.Api.Checks;
using ContinuityScheduler.Api.Data;
using ContinuityScheduler.Api.Http;
using ContinuityScheduler.Api.Institutions;
using ContinuityScheduler.Api.Jobs;
using ContinuityScheduler.Api.LeaveOneOut;
using ContinuityScheduler.Api.MasterData;
using ContinuityScheduler.Api.OpenApi;
using ContinuityScheduler.Api.Rotas;
using ContinuityScheduler.Api.Scenarios;
using ContinuityScheduler.Api.Security;
using ContinuityScheduler.Domain.Json;
using ContinuityScheduler.Solver;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

var builder = WebApplication.CreateBuilder(args);
var settings = builder.Configuration.GetSection(ServiceOptions.Section).Get<ServiceOptions>() ?? new ServiceOptions();
builder.Services.Configure<ServiceOptions>(builder.Configuration.GetSection(ServiceOptions.Section));
builder.Services.AddDbContext<SchedulerDb>(options => DatabaseSetup.Configure(options, settings));
builder.Services.AddProblemDetails();
builder.Services.AddExceptionHandler<BadRequestHandler>();
builder.Services.ConfigureHttpJsonOptions(options =>
{
    var defaults = JsonDefaults.Create(indented: false);
    options.SerializerOptions.PropertyNamingPolicy = defaults.PropertyNamingPolicy;
    foreach (var converter in defaults.Converters)
    {
        options.SerializerOptions.Converters.Add(converter);
    }
});
builder.Services.Configure<Microsoft.AspNetCore.Server.Kestrel.Core.KestrelServerOptions>(options => options.Limits.MaxRequestBodySize = settings.MaxRequestBodyBytes);
builder.Services.AddMemoryCache(options => options.SizeLimit = 256);
builder.Services.AddSingleton(DefaultEngine.Create());
builder.Services.AddSingleton<RunningJobs>();
builder.Services.AddScoped<JobSubmission>();
builder.Services.AddHostedService<DatabaseInitializer>();
builder.Services.AddSingleton<SolveWorker>();
builder.Services.AddHostedService(services => services.GetRequiredService<SolveWorker>());
builder.Services.AddHealthChecks()
    .AddCheck<DatabaseHealthCheck>("database", tags: [Readiness.Tag])
    .AddCheck<WorkersHealthCheck>("workers", tags: [Readiness.Tag]);
builder.Services.AddEndpointsApiExplorer();
builder.Services.AddContinuitySwagger();
builder.Services.AddRequestBudget(settings.RequestsPerMinute, settings.RequestsPerMinutePerAddress);

var app = builder.Build();
app.UseSecurityHeaders();
app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseRateLimiter();
app.UseDefaultFiles();
app.UseStaticFiles();
app.UseSwagger(options => options.RouteTemplate = "swagger/{documentName}/swagger.{extension:regex(^(json|ya?ml)$)}");
app.UseSwaggerUI(options => options.DocumentTitle = "ContinuityScheduler API");

app.MapHealthChecks("/health").WithTags("Health");
app.MapHealthChecks("/health/ready", Readiness.Options).WithTags("Health");

var api = app.MapGroup("/api/v1");
api.MapAdministration();
api.MapChecks();

var institution = api.MapGroup("/institutions/{institutionId}")
    .AddEndpointFilter(Caller.RequireInstitutionKey)
    .WithMetadata(new SecuredBy(SecuredBy.ApiKey));
institution.MapSettings();
institution.MapImport();
institution.MapResource(ResourceKind.ShiftType, "shift type", Examples.ShiftType);
institution.MapResource(ResourceKind.Group, "group", Examples.Group);
institution.MapResource(ResourceKind.Child, "child", Examples.Child);
institution.MapResource(ResourceKind.Caregiver, "caregiver", Examples.Caregiver);
institution.MapResource(ResourceKind.Absence, "absence", Examples.Absence);
institution.MapResource(ResourceKind.Wish, "wish", Examples.Wish);
institution.MapResource(ResourceKind.Demand, "demand", Examples.Demand);
institution.MapSolveJobs();
institution.MapAdvice();
institution.MapLeaveOneOut();
institution.MapScenarios();
institution.MapRotas();
institution.MapChildHistory();
institution.MapGroupHistory();
institution.MapCalendarFeeds(api);

app.Lifetime.ApplicationStarted.Register(() =>
{
    var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
    var options = app.Services.GetRequiredService<IOptions<ServiceOptions>>().Value;
    foreach (var address in addresses)
    {
        Console.WriteLine($"ContinuityScheduler is listening on {address}  (Swagger UI: {address}/swagger)");
    }

    if (options.Demo.Enabled && !string.IsNullOrEmpty(options.Demo.ApiKey))
    {
        Console.WriteLine($"Demo institution from {options.Demo.ProblemFile}; development API key (X-Api-Key): {options.Demo.ApiKey}");
    }
});

app.Run();

/// <summary>The entry point, public so the tests can host the service in-process.</summary>
public partial class Program;
