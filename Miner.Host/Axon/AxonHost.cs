using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Miner.Models.Bittensor.Wire;

namespace Miner.Host.Axon;

/// <summary>
/// Hosts an <see cref="AxonPipeline"/> on Kestrel (HTTP/1.1, plain): every request goes through the pipeline
/// as is; a body over the pipeline's cap is refused with 413 before it is read.
/// </summary>
public sealed class AxonHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private AxonHost(WebApplication app, Uri address)
    {
        _app = app;
        Address = address;
    }

    /// <summary>The base URL actually bound (the real port when <see cref="AxonOptions.Port"/> is 0).</summary>
    public Uri Address { get; }

    /// <param name="onResponse">Sees every exchange, e.g. to log the exception behind a 500 (<see cref="AxonResponse.Error"/>).</param>
    public static async Task<AxonHost> StartAsync(
        AxonPipeline pipeline, AxonOptions options, Action<AxonRequest, AxonResponse>? onResponse = null, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(pipeline);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Listen(IPAddress.Parse(options.Host), options.Port);
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestBodySize = pipeline.MaxRequestBytes + 1L; // the pipeline answers the 413 itself
        });
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(2));
        var app = builder.Build();
        app.Run(context => ServeAsync(pipeline, onResponse, context));
        await app.StartAsync(cancellation).ConfigureAwait(false);
        var bound = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new AxonHost(app, new Uri(bound));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }

    private static async Task ServeAsync(AxonPipeline pipeline, Action<AxonRequest, AxonResponse>? onResponse, HttpContext context)
    {
        var http = context.Request;
        var headers = http.Headers.SelectMany(h => h.Value.Select(v => new KeyValuePair<string, string>(h.Key, v ?? ""))).ToList();
        var body = await ReadCappedAsync(http, pipeline.MaxRequestBytes, context.RequestAborted).ConfigureAwait(false);
        var request = new AxonRequest(http.Method, http.Path.Value ?? "/", headers, body ?? ReadOnlyMemory<byte>.Empty,
            context.Connection.RemoteIpAddress, context.Connection.RemotePort);
        var response = body is null
            ? pipeline.RefuseOversized(http.ContentLength ?? pipeline.MaxRequestBytes + 1L)
            : await pipeline.HandleAsync(request, context.RequestAborted).ConfigureAwait(false);
        onResponse?.Invoke(request, response);

        context.Response.StatusCode = response.StatusCode;
        foreach (var (name, value) in response.Headers) context.Response.Headers.Append(name, value);
        context.Response.ContentType = AxonResponse.ContentType;
        context.Response.ContentLength = response.Body.Length;
        await context.Response.Body.WriteAsync(response.Body, context.RequestAborted).ConfigureAwait(false);
    }

    /// <summary>The body, or null when it is larger than <paramref name="limit"/>.</summary>
    private static async Task<byte[]?> ReadCappedAsync(HttpRequest http, int limit, CancellationToken cancellation)
    {
        if (http.ContentLength > limit) return null;
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        try
        {
            int read;
            while ((read = await http.Body.ReadAsync(chunk, cancellation).ConfigureAwait(false)) > 0)
            {
                if (buffer.Length + read > limit) return null;
                buffer.Write(chunk, 0, read);
            }
        }
        catch (BadHttpRequestException error) when (error.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return null;
        }
        return buffer.ToArray();
    }
}
