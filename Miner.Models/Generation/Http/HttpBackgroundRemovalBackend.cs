using Miner.Models.Imaging;

namespace Miner.Models.Generation;

/// <summary>Background removal over HTTP: <c>POST {base}/remove-background</c> with an <c>image/png</c> body, answered by an RGBA <c>image/png</c>.</summary>
public sealed class HttpBackgroundRemovalBackend : IBackgroundRemovalBackend, IHealthCheckedBackend
{
    private readonly HttpBackendTransport _transport;

    public HttpBackgroundRemovalBackend(HttpClient http, HttpBackendOptions options) =>
        _transport = new HttpBackendTransport(http, options, "background removal");

    public string Name => _transport.Name;

    public bool IsFallback => false;

    public Task<RgbaImage> RemoveBackgroundAsync(RgbaImage image, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(image);
        return _transport.SendAsync(
            () => new HttpRequestMessage(HttpMethod.Post, _transport.Resolve("remove-background")) { Content = HttpBackendTransport.PngContent(image) },
            HttpBackendTransport.PngContentTypes, HttpBackendTransport.ReadPngAsync, cancellation);
    }

    public Task<BackendHealth> CheckHealthAsync(CancellationToken cancellation) => _transport.CheckHealthAsync(cancellation);
}
