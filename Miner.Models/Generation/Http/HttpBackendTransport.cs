using System.Diagnostics;
using System.Net.Http.Headers;
using Miner.Models.Imaging;
using Miner.Models.Splats;

namespace Miner.Models.Generation;

/// <summary>
/// One call to an HTTP backend: a whole-call timeout distinct from the caller's cancellation, status and
/// content-type checks, a response-size cap enforced from Content-Length and again while streaming, and every
/// failure turned into an <see cref="HttpBackendException"/> that names the endpoint and the kind of failure.
/// </summary>
internal sealed class HttpBackendTransport
{
    public static readonly string[] PlyContentTypes = ["application/octet-stream", "application/x-ply", "application/ply", "model/ply"];
    public static readonly string[] PngContentTypes = ["image/png"];
    private const int ErrorExcerptChars = 300;

    private readonly HttpClient _http;
    private readonly Uri _base;

    public HttpBackendTransport(HttpClient http, HttpBackendOptions options, string name)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _http = http;
        Options = options;
        Name = options.Label is null ? $"{name} at {options.BaseAddress}" : $"{name} at {options.BaseAddress} ({options.Label})";
        var text = options.BaseAddress.ToString();
        _base = new Uri(text.EndsWith('/') ? text : text + "/");
    }

    public HttpBackendOptions Options { get; }

    public string Name { get; }

    public Uri Resolve(string relative) => new(_base, relative);

    public Task<T> SendAsync<T>(Func<HttpRequestMessage> buildRequest, string[] contentTypes, Func<Stream, CancellationToken, Task<T>> readBody,
        CancellationToken cancellation) =>
        SendAsync(buildRequest, contentTypes, (body, _, token) => readBody(body, token), cancellation);

    /// <summary>As above, with the answer's media type (null when absent) handed to <paramref name="readBody"/>.</summary>
    public async Task<T> SendAsync<T>(Func<HttpRequestMessage> buildRequest, string[] contentTypes, Func<Stream, string?, CancellationToken, Task<T>> readBody,
        CancellationToken cancellation)
    {
        using var request = buildRequest();
        var endpoint = request.RequestUri!;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        timeout.CancelAfter(Options.Timeout);
        HttpResponseMessage response;
        try
        {
            response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellation.IsCancellationRequested)
        {
            throw Failure(endpoint, HttpBackendFailure.Timeout, $"no answer within {Options.Timeout.TotalSeconds:0.###} s");
        }
        catch (HttpRequestException error) when (error.HttpRequestError is HttpRequestError.ResponseEnded or HttpRequestError.InvalidResponse)
        {
            throw Failure(endpoint, HttpBackendFailure.Truncated, $"the connection ended before a complete answer: {error.Message}", error);
        }
        catch (HttpRequestException error)
        {
            throw Failure(endpoint, HttpBackendFailure.Unreachable, $"cannot reach the service: {error.Message}", error);
        }

        using (response)
        {
            if (!response.IsSuccessStatusCode)
            {
                var excerpt = await ErrorExcerpt(response, timeout.Token).ConfigureAwait(false);
                throw new HttpBackendException(Name, endpoint, HttpBackendFailure.Status,
                    $"status {(int)response.StatusCode} ({response.ReasonPhrase}){excerpt}", statusCode: (int)response.StatusCode);
            }
            var mediaType = response.Content.Headers.ContentType?.MediaType;
            if (mediaType is not null && !contentTypes.Contains(mediaType, StringComparer.OrdinalIgnoreCase))
                throw Failure(endpoint, HttpBackendFailure.ContentType, $"content type '{mediaType}', expected {string.Join(" or ", contentTypes)}");
            var declared = response.Content.Headers.ContentLength;
            if (declared > Options.MaxResponseBytes)
                throw Failure(endpoint, HttpBackendFailure.TooLarge, $"Content-Length {declared} exceeds the cap of {Options.MaxResponseBytes} bytes");

            CappedReadStream? body = null;
            // A synchronous reader (the PLY reader) cannot see the token: closing the response unblocks it.
            await using var unblock = timeout.Token.Register(response.Dispose).ConfigureAwait(false);
            try
            {
                body = new CappedReadStream(await response.Content.ReadAsStreamAsync(timeout.Token).ConfigureAwait(false), Options.MaxResponseBytes);
                return await readBody(body, mediaType, timeout.Token).ConfigureAwait(false);
            }
            catch (Exception error) when (!cancellation.IsCancellationRequested && timeout.IsCancellationRequested)
            {
                throw Failure(endpoint, HttpBackendFailure.Timeout,
                    $"the body was not complete within {Options.Timeout.TotalSeconds:0.###} s ({body?.BytesRead ?? 0} bytes read)", error);
            }
            catch (Exception) when (cancellation.IsCancellationRequested)
            {
                throw new OperationCanceledException(cancellation);
            }
            catch (CappedReadStream.TooLargeException error)
            {
                throw Failure(endpoint, HttpBackendFailure.TooLarge, error.Message, error);
            }
            catch (SplatFormatException error) when (error.InnerException is CappedReadStream.TooLargeException)
            {
                throw Failure(endpoint, HttpBackendFailure.TooLarge, error.InnerException.Message, error);
            }
            catch (Exception error) when (error is IOException or HttpRequestException or ObjectDisposedException)
            {
                throw Failure(endpoint, HttpBackendFailure.Truncated, $"the connection ended after {body?.BytesRead ?? 0} bytes of the body: {error.Message}", error);
            }
            catch (Exception error) when (error is FormatException or InvalidDataException)
            {
                throw Failure(endpoint, HttpBackendFailure.Corrupt, $"the body does not decode: {error.Message}", error);
            }
        }
    }

    public async Task<BackendHealth> CheckHealthAsync(CancellationToken cancellation)
    {
        var endpoint = Resolve("health");
        var clock = Stopwatch.StartNew();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        timeout.CancelAfter(Options.HealthTimeout);
        try
        {
            using var response = await _http.GetAsync(endpoint, HttpCompletionOption.ResponseHeadersRead, timeout.Token).ConfigureAwait(false);
            if (response.IsSuccessStatusCode) return new BackendHealth(true, $"status {(int)response.StatusCode}", clock.Elapsed);
            var excerpt = await ErrorExcerpt(response, timeout.Token).ConfigureAwait(false);
            return new BackendHealth(false, $"{endpoint}: status {(int)response.StatusCode} ({response.ReasonPhrase}){excerpt}", clock.Elapsed);
        }
        catch (OperationCanceledException) when (!cancellation.IsCancellationRequested)
        {
            return new BackendHealth(false, $"{endpoint}: no answer within {Options.HealthTimeout.TotalSeconds:0.###} s", clock.Elapsed);
        }
        catch (HttpRequestException error)
        {
            return new BackendHealth(false, $"{endpoint}: cannot reach the service: {error.Message}", clock.Elapsed);
        }
    }

    public static async Task<RgbaImage> ReadPngAsync(Stream body, CancellationToken cancellation)
    {
        using var buffer = new MemoryStream();
        await body.CopyToAsync(buffer, cancellation).ConfigureAwait(false);
        return ImageCodec.Decode(buffer.GetBuffer().AsSpan(0, (int)buffer.Length));
    }

    public static ByteArrayContent PngContent(RgbaImage image)
    {
        var content = new ByteArrayContent(ImageCodec.EncodePng(image));
        content.Headers.ContentType = new MediaTypeHeaderValue("image/png");
        return content;
    }

    /// <summary>Reads the PLY straight from the network stream on a pool thread (the reader is synchronous).</summary>
    public static Task<ActivatedSplats> ReadPlyAsync(Stream body, SplatReadOptions readOptions, CancellationToken cancellation) =>
        Task.Run(() => StoredSplatActivation.ToActivated(PlyReader.Read(body, readOptions, threads: 1)), cancellation);

    private static async Task<string> ErrorExcerpt(HttpResponseMessage response, CancellationToken cancellation)
    {
        try
        {
            await using var stream = await response.Content.ReadAsStreamAsync(cancellation).ConfigureAwait(false);
            var buffer = new byte[ErrorExcerptChars];
            var read = await stream.ReadAtLeastAsync(buffer, buffer.Length, throwOnEndOfStream: false, cancellation).ConfigureAwait(false);
            var text = System.Text.Encoding.UTF8.GetString(buffer, 0, read).ReplaceLineEndings(" ").Trim();
            return text.Length == 0 ? "" : $": {text}";
        }
        catch (Exception error) when (error is IOException or HttpRequestException or OperationCanceledException)
        {
            return "";
        }
    }

    private HttpBackendException Failure(Uri endpoint, HttpBackendFailure failure, string problem, Exception? inner = null) =>
        new(Name, endpoint, failure, problem, inner);
}
