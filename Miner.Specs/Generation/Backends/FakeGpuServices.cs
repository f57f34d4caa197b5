using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Http;
using Miner.Models.Generation;
using Miner.Models.Imaging;
using Miner.Models.Splats;
using Miner.Specs.Generation.Cpu;
using Miner.Specs.TestKit;

namespace Miner.Specs.Generation.Backends;

/// <summary>
/// One card's model services on a real loopback Kestrel server, speaking the backend contract: text-to-image,
/// background removal, image-to-3D, the monolithic /generate/, the validation service and /health. Each path
/// answers correctly until a spec swaps in a misbehaving handler; every call is counted by path.
/// </summary>
internal sealed class FakeGpuServices : IAsyncDisposable
{
    public const string TextToImagePath = "/text-to-image";
    public const string MaskPath = "/remove-background";
    public const string ImageTo3DPath = "/image-to-3d";
    public const string GeneratePath = "/generate/";
    public const string ValidateTextPath = "/validate_txt_to_3d_ply/";
    public const string ValidateImagePath = "/validate_img_to_3d_ply/";

    private static readonly Lazy<byte[]> Ply = new(MakePly);
    private static readonly Lazy<(byte[] Rgb, byte[] Rgba)> Pictures = new(MakePictures);

    private readonly ConcurrentDictionary<string, Func<HttpContext, Task>> _handlers = new(StringComparer.Ordinal);
    private LoopbackHttpServer _server = null!;

    public ConcurrentDictionary<string, int> Calls { get; } = new(StringComparer.Ordinal);

    /// <summary>What the validation service predicts, until a spec changes it.</summary>
    public double Score { get; set; } = 0.82;

    public string Url => _server.Address.ToString().TrimEnd('/');

    public static byte[] PlyBytes => Ply.Value;

    /// <summary>The picture the text-to-image path answers (an opaque disc), also usable as an image task's prompt.</summary>
    public static byte[] RgbPng => Pictures.Value.Rgb;

    public static async Task<FakeGpuServices> StartAsync()
    {
        var services = new FakeGpuServices();
        services._server = await LoopbackHttpServer.StartAsync(services.Handle);
        return services;
    }

    /// <summary>Replaces what <paramref name="path"/> answers (e.g. <see cref="Status"/>, <see cref="Hang"/>).</summary>
    public void On(string path, Func<HttpContext, Task> handler) => _handlers[path] = handler;

    /// <summary>Answers <paramref name="first"/> for the first <paramref name="times"/> calls of <paramref name="path"/>, then correctly again.</summary>
    public void OnFirst(string path, int times, Func<HttpContext, Task> first)
    {
        var left = times;
        _handlers[path] = context => Interlocked.Decrement(ref left) >= 0 ? first(context) : Default(context);
    }

    public int CallsTo(string path) => Calls.GetValueOrDefault(path);

    public static Func<HttpContext, Task> Status(int status) => context =>
    {
        context.Response.StatusCode = status;
        return context.Response.WriteAsync("simulated failure");
    };

    public static Func<HttpContext, Task> Body(byte[] body, string contentType) => context => Reply(context, body, contentType);

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

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    private async Task Handle(HttpContext context)
    {
        var path = context.Request.Path.Value ?? "";
        Calls.AddOrUpdate(path, 1, (_, n) => n + 1);
        if (context.Request.ContentLength is > 0 || context.Request.Method == "POST")
        {
            using var sink = new MemoryStream();
            await context.Request.Body.CopyToAsync(sink, context.RequestAborted);
        }
        await (_handlers.TryGetValue(path, out var handler) ? handler(context) : Default(context));
    }

    private Task Default(HttpContext context) => context.Request.Path.Value switch
    {
        "/health" => Reply(context, "ok"u8.ToArray(), "text/plain"),
        TextToImagePath => Reply(context, Pictures.Value.Rgb, "image/png"),
        MaskPath => Reply(context, Pictures.Value.Rgba, "image/png"),
        ImageTo3DPath or GeneratePath => Reply(context, Ply.Value, "application/octet-stream"),
        ValidateTextPath or ValidateImagePath => Reply(context, Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture,
            $$"""{"score": {{Score}}, "iqa": 0.7, "alignment_score": 0.8, "ssim": 0.9, "lpips": 0.1}""")), "application/json"),
        _ => Status(404)(context),
    };

    private static async Task Reply(HttpContext context, byte[] body, string contentType)
    {
        context.Response.StatusCode = 200;
        context.Response.ContentType = contentType;
        context.Response.ContentLength = body.Length;
        await context.Response.Body.WriteAsync(body, context.RequestAborted);
    }

    private static (byte[], byte[]) MakePictures()
    {
        var coverage = SilhouetteImages.Coverage(SilhouetteImages.Disc, 96);
        return (ImageCodec.EncodePng(SilhouetteImages.OnBackground(coverage, 96, (200, 60, 40), (255, 255, 255))),
            ImageCodec.EncodePng(SilhouetteImages.Transparent(coverage, 96, (200, 60, 40))));
    }

    /// <summary>A plausible object (the CPU inflation of a disc), so the real self-validation gate lets it through.</summary>
    private static byte[] MakePly()
    {
        var coverage = SilhouetteImages.Coverage(SilhouetteImages.Disc, 96);
        var rgba = SilhouetteImages.Transparent(coverage, 96, (200, 60, 40));
        var splats = new SilhouetteInflationImageTo3D(new CpuBackendOptions { GaussianBudget = 12_000 }).GenerateAsync(rgba, 0, CancellationToken.None).GetAwaiter().GetResult();
        return PlyWriter.ToBytes(ActivatedSplatEncoder.Encode(splats).Cloud);
    }
}
