using System.Net.Http.Json;
using System.Text.Json.Serialization;
using Miner.Models.Imaging;

namespace Miner.Models.Generation;

/// <summary>
/// Text-to-image over HTTP: <c>POST {base}/text-to-image</c> with JSON
/// <c>{"prompt", "negative_prompt", "seed", "width", "height", "steps"}</c>, answered by an <c>image/png</c> body.
/// </summary>
public sealed class HttpTextToImageBackend : ITextToImageBackend, IHealthCheckedBackend
{
    private readonly HttpBackendTransport _transport;
    private readonly string _negativePrompt;
    private readonly int _width;
    private readonly int _height;
    private readonly int _steps;

    public HttpTextToImageBackend(HttpClient http, HttpBackendOptions options, string negativePrompt = "", int width = 1024, int height = 1024, int steps = 4)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(height);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(steps);
        _transport = new HttpBackendTransport(http, options, "text-to-image");
        _negativePrompt = negativePrompt;
        (_width, _height, _steps) = (width, height, steps);
    }

    public string Name => _transport.Name;

    public bool IsFallback => false;

    public Task<RgbaImage> GenerateAsync(string prompt, int seed, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(prompt);
        var body = new TextToImageRequest(prompt, _negativePrompt, seed, _width, _height, _steps);
        return _transport.SendAsync(
            () => new HttpRequestMessage(HttpMethod.Post, _transport.Resolve("text-to-image")) { Content = JsonContent.Create(body) },
            HttpBackendTransport.PngContentTypes, HttpBackendTransport.ReadPngAsync, cancellation);
    }

    public Task<BackendHealth> CheckHealthAsync(CancellationToken cancellation) => _transport.CheckHealthAsync(cancellation);

    private sealed record TextToImageRequest(
        [property: JsonPropertyName("prompt")] string Prompt,
        [property: JsonPropertyName("negative_prompt")] string NegativePrompt,
        [property: JsonPropertyName("seed")] int Seed,
        [property: JsonPropertyName("width")] int Width,
        [property: JsonPropertyName("height")] int Height,
        [property: JsonPropertyName("steps")] int Steps);
}
