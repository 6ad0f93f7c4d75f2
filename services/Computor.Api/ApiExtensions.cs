using System.Text.Json;
using System.Text.Json.Serialization;
using Computor.Api.Admin;
using Computor.Api.Auth;
using Computor.Api.Git;
using Computor.Api.Release;
using Computor.Api.Students;
using Computor.Api.Submissions;
using Computor.Api.Tasks;
using Computor.Api.Testing;
using Computor.Git;
using Computor.Persistence;
using Computor.ServiceDefaults;
using Computor.Storage;
using MassTransit;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace Computor.Api;

public static class ApiExtensions
{
    public const long MaxJsonBodyBytes = 1024 * 1024;
    static readonly TimeSpan KeptFor = TimeSpan.FromMinutes(1);
    const int KeptEntries = 100_000;

    /// <summary>
    /// The HTTP API: persistence with its outbox relay, a publish-only bus, token authentication, snake_case
    /// JSON and problem details for every error.
    /// </summary>
    public static IHostApplicationBuilder AddComputorApi(this IHostApplicationBuilder builder)
    {
        builder.AddComputorPersistence();
        // The API must keep accepting requests while the broker is away; the outbox holds what it accepted.
        // Post-configured: the bus the host adds after this module waits for the broker by default.
        builder.Services.PostConfigure<MassTransitHostOptions>(o => o.WaitUntilStarted = false);

        builder.Services.AddOptions<AuthOptions>().BindConfiguration(AuthOptions.Section)
            .Configure(o => o.AdminToken = builder.Configuration["COMPUTOR_ADMIN_TOKEN"]);
        // Status polls and their tokens from memory, coherent with the database through its change notifications (ADR 23).
        builder.Services.AddSingleton<ChangeFeed>();
        builder.Services.AddHostedService(services => services.GetRequiredService<ChangeFeed>());
        builder.Services.AddSingleton(services => new CoherentCache<string, TokenOwner>(services.GetRequiredService<ChangeFeed>(),
            services.GetRequiredService<TimeProvider>(), KeptFor, KeptEntries, change => change == "access" ? null : []));
        builder.Services.AddSingleton(services => new CoherentCache<Guid, ResultAccess.Visible>(services.GetRequiredService<ChangeFeed>(),
            services.GetRequiredService<TimeProvider>(), KeptFor, KeptEntries, ResultAccess.Affected));
        builder.Services.AddScoped<Logins>();
        builder.Services.AddScoped<StudentContents>();
        builder.Services.AddRequestLimits(builder.Configuration);
        builder.Services.AddScoped<SubmissionArtifacts>();
        builder.Services.AddOptions<SubmissionOptions>().BindConfiguration(SubmissionOptions.Section);
        builder.Services.AddOptions<MaintenanceOptions>().BindConfiguration(MaintenanceOptions.Section);
        builder.Services.AddAuthentication(ApiTokenAuthentication.SchemeName)
            .AddScheme<Microsoft.AspNetCore.Authentication.AuthenticationSchemeOptions, ApiTokenAuthentication>(ApiTokenAuthentication.SchemeName, null);
        builder.Services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddPolicy(Caller.AdminPolicy, p => p.RequireClaim(Caller.AdminClaim, "true"));

        builder.Services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower;
            o.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower, allowIntegerValues: false));
            o.SerializerOptions.MaxDepth = 32;
        });
        // JSON requests are small; uploads (their own endpoints) raise the limit where they need it.
        builder.Services.Configure<KestrelServerOptions>(o => o.Limits.MaxRequestBodySize = MaxJsonBodyBytes);
        builder.Services.AddProblemDetails();
        builder.Services.AddOpenApi();
        builder.Services.AddScoped<TestSubmission>();
        builder.Services.AddScoped<OfficialSubmissions>();
        builder.Services.AddScoped<Enrolment>();
        builder.Services.AddScoped<ReleaseRequests>();
        builder.Services.AddScoped<CourseDeploy>();
        builder.AddObjectStorage();
        builder.Services.AddSingleton<ResultReports>();
        builder.Services.AddSingleton<ResultArtifacts>();
        builder.AddGitAccess();
        return builder;
    }

    public static WebApplication MapComputorApi(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseOversizedJsonAnswers();
        app.UseRateLimiter();

        app.MapOpenApi().AllowAnonymous();
        app.MapHealthEndpoints();
        app.MapMethods("/", ["HEAD", "GET"], () => Results.Ok(new { service = "computor" })).AllowAnonymous();

        var api = app.MapGroup("");
        LoginEndpoints.Map(api);
        StudentEndpoints.Map(api);
        SubmissionEndpoints.Map(api);
        TestEndpoints.Map(api);
        TaskEndpoints.Map(api);
        ReleaseEndpoints.Map(api);

        GitEndpoints.Map(app);

        // Traefik's forward-auth asks this before it shows an admin UI (deploy/compose, ADMIN_AUTH_MIDDLEWARE).
        app.MapGet("/auth/admin", () => Results.NoContent()).RequireAuthorization(Caller.AdminPolicy);

        var admin = app.MapGroup("").RequireAuthorization(Caller.AdminPolicy);
        OrganizationEndpoints.Map(admin);
        CourseFamilyEndpoints.Map(admin);
        CourseEndpoints.Map(admin);
        CourseContentEndpoints.Map(admin);
        UserEndpoints.Map(admin);
        CourseMemberEndpoints.Map(admin);
        return app;
    }
}
