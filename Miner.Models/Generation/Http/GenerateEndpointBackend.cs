using Miner.Models.Splats;

namespace Miner.Models.Generation;

/// <summary>
/// Drop-in client for the generation services miners already run (DreamGaussian, TRELLIS): <c>POST {base}/generate/</c>
/// with the form field <c>prompt</c> (application/x-www-form-urlencoded) (the text, or the base64 image of an image task), answered by PLY bytes.
/// </summary>
public sealed class GenerateEndpointBackend : IPromptTo3DBackend, IHealthCheckedBackend
{
    private readonly HttpBackendTransport _transport;
    private readonly SplatReadOptions _readOptions;

    public GenerateEndpointBackend(HttpClient http, HttpBackendOptions options, SplatReadOptions? readOptions = null)
    {
        _transport = new HttpBackendTransport(http, options, "generate endpoint");
        _readOptions = readOptions ?? new SplatReadOptions();
    }

    public string Name => _transport.Name;

    public Task<ActivatedSplats> GenerateAsync(string prompt, CancellationToken cancellation)
    {
        ArgumentException.ThrowIfNullOrEmpty(prompt);
        return _transport.SendAsync(
            () => new HttpRequestMessage(HttpMethod.Post, _transport.Resolve("generate/"))
            {
                // URL-encoded, as the seed miner's aiohttp data={"prompt": ...} sends it; FastAPI's Form() reads either.
                Content = new FormUrlEncodedContent([new KeyValuePair<string, string>("prompt", prompt)]),
            },
            HttpBackendTransport.PlyContentTypes, (body, token) => HttpBackendTransport.ReadPlyAsync(body, _readOptions, token), cancellation);
    }

    public Task<BackendHealth> CheckHealthAsync(CancellationToken cancellation) => _transport.CheckHealthAsync(cancellation);
}
