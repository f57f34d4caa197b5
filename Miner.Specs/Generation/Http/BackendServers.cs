using Microsoft.AspNetCore.Http;
using Miner.Models.Generation;
using Miner.Models.Imaging;
using Miner.Models.Splats;
using Miner.Specs.Splats;
using Miner.Specs.TestKit;

namespace Miner.Specs.Generation.Http;

/// <summary>Bodies and misbehaving handlers for the backend client specs, served by real loopback Kestrel servers.</summary>
internal static class BackendServers
{
    public static readonly HttpClient Http = new() { Timeout = Timeout.InfiniteTimeSpan };

    public static GaussianCloud Cloud { get; } = SplatSamples.RandomCloud(3000, shDegree: 1, seed: 4);

    public static byte[] PlyBytes { get; } = PlyWriter.ToBytes(Cloud);

    public static RgbaImage Picture { get; } = MakePicture();

    public static byte[] PngBytes { get; } = ImageCodec.EncodePng(Picture);

    public static HttpBackendOptions Options(LoopbackHttpServer server, double timeoutSeconds = 10, long maxBytes = 64 << 20) => new()
    {
        BaseAddress = server.Address,
        Timeout = TimeSpan.FromSeconds(timeoutSeconds),
        HealthTimeout = TimeSpan.FromSeconds(Math.Min(timeoutSeconds, 5)),
        MaxResponseBytes = maxBytes,
    };

    public static async Task Reply(HttpContext context, byte[] body, string contentType, int status = 200)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = contentType;
        context.Response.ContentLength = body.Length;
        await context.Response.Body.WriteAsync(body);
    }

    public static Task Status(HttpContext context, int status)
    {
        context.Response.StatusCode = status;
        return Task.CompletedTask;
    }

    /// <summary>Declares the full length, sends half, then drops the connection.</summary>
    public static async Task HalfThenClose(HttpContext context, byte[] body, string contentType)
    {
        context.Response.ContentType = contentType;
        context.Response.ContentLength = body.Length;
        await context.Response.Body.WriteAsync(body.AsMemory(0, body.Length / 2));
        await context.Response.Body.FlushAsync();
        // End the stream with FIN, not a reset: a reset can discard bytes the client has not read yet, and a loaded
        // machine then sees an unreachable service instead of a truncated answer.
        var socket = context.Features.Get<Microsoft.AspNetCore.Connections.Features.IConnectionSocketFeature>()?.Socket
            ?? throw new InvalidOperationException("Kestrel did not expose the connection's socket");
        socket.Shutdown(System.Net.Sockets.SocketShutdown.Send);
        try
        {
            await Task.Delay(Timeout.Infinite, context.RequestAborted);
        }
        catch (OperationCanceledException)
        {
            // the client saw the end and closed
        }
        context.Abort();
    }

    /// <summary>Chunked (no Content-Length), so only the streaming cap can stop it.</summary>
    public static async Task Chunked(HttpContext context, byte[] body, string contentType)
    {
        context.Response.ContentType = contentType;
        for (var offset = 0; offset < body.Length; offset += 4096)
        {
            await context.Response.Body.WriteAsync(body.AsMemory(offset, Math.Min(4096, body.Length - offset)));
            await context.Response.Body.FlushAsync();
        }
    }

    public static async Task Hang(HttpContext context)
    {
        try
        {
            await Task.Delay(Timeout.Infinite, context.RequestAborted);
        }
        catch (OperationCanceledException)
        {
        }
    }

    public static async Task<byte[]> ReadBody(HttpContext context)
    {
        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer);
        return buffer.ToArray();
    }

    private static RgbaImage MakePicture()
    {
        var image = new RgbaImage(24, 16);
        for (var y = 0; y < 16; y++)
            for (var x = 0; x < 24; x++)
                image.SetPixel(x, y, (byte)(10 * x), (byte)(15 * y), 77, (byte)(x < 12 ? 255 : 40));
        return image;
    }
}
