using System.Net;
using System.Text.Json;
using Akka.Actor;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Miner.Host.Admin;

/// <summary>
/// The operator's HTTP endpoint of a running node (Kestrel, plain HTTP/1.1): JSON views of the actor tree, the
/// validators, the tasks in flight and the cards, and the blacklist, drain and resume actions (<see cref="AdminApi"/>).
/// Every request needs <c>Authorization: Bearer &lt;token&gt;</c>. Started after the actor system, disposed before it.
/// </summary>
public sealed class AdminEndpoint : IAsyncDisposable
{
    private readonly WebApplication _app;

    private AdminEndpoint(WebApplication app, Uri address, string tokenFile)
    {
        _app = app;
        Address = address;
        TokenFile = tokenFile;
    }

    /// <summary>The base URL actually bound (the real port when the configured one is 0).</summary>
    public Uri Address { get; }

    /// <summary>The bearer token's file (absolute).</summary>
    public string TokenFile { get; }

    /// <summary>The line `miner run` and `miner devnet` print at start.</summary>
    public string StartLine => $"admin endpoint {Address} (token in {TokenFile}; `miner ctl --node {Address} --token-file {TokenFile} validators`)";

    /// <param name="tokenFile">Absolute path of the token file (created when missing).</param>
    /// <param name="port">The port to bind instead of the configured one (the devnet passes 0).</param>
    /// <exception cref="AdminRefusedException">A non-loopback host without the override, a port in use, an unusable token file.</exception>
    public static async Task<AdminEndpoint> StartAsync(ActorSystem system, IActorRef guardian, AdminOptions options, string tokenFile,
        Serilog.ILogger? logger = null, int? port = null, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = Miner.Models.Configuration.Rules.SettingRules.Problems(options);
        if (problems.Count > 0) throw new AdminRefusedException($"miner.admin.{problems[0].Key}: {problems[0].Problem}");
        if (!options.IsLoopback)
        {
            if (!options.AllowNonLoopback)
                throw new AdminRefusedException($"miner.admin.host: {options.Host} is not a loopback address; the admin endpoint is plain HTTP. " +
                                                "Set miner.admin.allow-non-loopback = true to listen there anyway");
            logger?.Warning("the admin endpoint listens on {Host}, a non-loopback address, over plain HTTP (no TLS): the bearer token " +
                            "crosses the network in clear (miner.admin.allow-non-loopback = true)", options.Host);
        }
        var token = AdminToken.LoadOrCreate(tokenFile);
        var api = new AdminApi(system, guardian, options.AskTimeout, logger);
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        var bindPort = port ?? options.Port;
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Listen(IPAddress.Parse(options.Host), bindPort);
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestBodySize = AdminApi.MaxBodyBytes * 4L; // the API answers an oversized body itself (400)
            kestrel.Limits.MaxRequestHeadersTotalSize = 16 * 1024;
            kestrel.Limits.RequestHeadersTimeout = TimeSpan.FromSeconds(10);
        });
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(2));
        var app = builder.Build();
        app.Run(context => ServeAsync(api, token, context, logger));
        try
        {
            await app.StartAsync(cancellation).ConfigureAwait(false);
        }
        catch (IOException error)
        {
            await app.DisposeAsync().ConfigureAwait(false);
            throw new AdminRefusedException($"miner.admin.port: cannot listen on {options.Host}:{bindPort}: {Cli.FailureReport.OneLine(error.Message)}");
        }
        var bound = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new AdminEndpoint(app, new Uri(bound.EndsWith('/') ? bound : bound + "/"), Path.GetFullPath(tokenFile));
    }

    private static async Task ServeAsync(AdminApi api, string token, HttpContext context, Serilog.ILogger? logger)
    {
        AdminResponse response;
        if (!AdminToken.Matches(context.Request.Headers.Authorization.ToString(), token))
        {
            context.Response.Headers.WWWAuthenticate = "Bearer";
            response = AdminResponse.Fail(401, "missing or wrong bearer token (Authorization: Bearer <the token file's content>)");
        }
        else
        {
            try
            {
                response = await api.HandleAsync(context.Request, context.RequestAborted).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
            {
                return;
            }
            catch (Exception error)
            {
                logger?.Error(error, "admin endpoint: {Method} {Path} failed", context.Request.Method, context.Request.Path.Value);
                response = AdminResponse.Fail(500, $"internal error: {error.GetType().Name} (see the node's log)");
            }
        }
        context.Response.StatusCode = response.Status;
        context.Response.ContentType = "application/json; charset=utf-8";
        context.Response.Headers.CacheControl = "no-store";
        await JsonSerializer.SerializeAsync(context.Response.Body, response.Body, response.Body.GetType(), AdminJson.Options, context.RequestAborted)
            .ConfigureAwait(false);
        await context.Response.Body.WriteAsync("\n"u8.ToArray(), context.RequestAborted).ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }
}

/// <summary>A status code and the object to serialise.</summary>
public sealed record AdminResponse(int Status, object Body)
{
    public static AdminResponse Ok(object body) => new(200, body);

    public static AdminResponse Fail(int status, string error) => new(status, new AdminError(Cli.FailureReport.OneLine(error)));
}

/// <summary>The serializer settings both sides use: camelCase, enums as strings.</summary>
public static class AdminJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };
}
