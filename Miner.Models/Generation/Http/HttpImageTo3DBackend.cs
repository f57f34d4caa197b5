using System.Globalization;
using Miner.Models.Imaging;
using Miner.Models.Splats;

namespace Miner.Models.Generation;

/// <summary>
/// Image-to-3D over HTTP (a TRELLIS microservice): <c>POST {base}/image-to-3d?seed=S&amp;steps=N</c> with an RGBA
/// <c>image/png</c> body, answered by a binary PLY (<c>application/octet-stream</c>) or by raw activated arrays
/// (<c>application/x-activated-splats</c>, <see cref="ActivatedSplatsLayout"/>), either read straight off the network
/// stream, within the size cap, and handed over in the activated domain.
/// </summary>
public sealed class HttpImageTo3DBackend : IImageTo3DBackend, IHealthCheckedBackend
{
    private readonly HttpBackendTransport _transport;
    private readonly SplatReadOptions _readOptions;
    private readonly int _steps;

    public HttpImageTo3DBackend(HttpClient http, HttpBackendOptions options, int samplerSteps = 12, SplatReadOptions? readOptions = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(samplerSteps);
        _transport = new HttpBackendTransport(http, options, "image-to-3d");
        _steps = samplerSteps;
        _readOptions = readOptions ?? new SplatReadOptions();
    }

    public string Name => _transport.Name;

    public bool IsFallback => false;

    public Task<ActivatedSplats> GenerateAsync(RgbaImage rgba, int seed, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(rgba);
        var relative = string.Create(CultureInfo.InvariantCulture, $"image-to-3d?seed={seed}&steps={_steps}");
        return _transport.SendAsync(
            () => new HttpRequestMessage(HttpMethod.Post, _transport.Resolve(relative)) { Content = HttpBackendTransport.PngContent(rgba) },
            AcceptedContentTypes, ReadBodyAsync, cancellation);
    }

    private static readonly string[] AcceptedContentTypes = [.. HttpBackendTransport.PlyContentTypes, ActivatedSplatsLayout.MediaType];

    private Task<ActivatedSplats> ReadBodyAsync(Stream body, string? mediaType, CancellationToken cancellation)
    {
        if (!string.Equals(mediaType, ActivatedSplatsLayout.MediaType, StringComparison.OrdinalIgnoreCase))
            return HttpBackendTransport.ReadPlyAsync(body, _readOptions, cancellation);
        var maxBytes = _transport.Options.MaxResponseBytes;
        return Task.Run(() => ActivatedSplatsReader.Read(body, maxBytes: maxBytes), cancellation);
    }

    public Task<BackendHealth> CheckHealthAsync(CancellationToken cancellation) => _transport.CheckHealthAsync(cancellation);
}
