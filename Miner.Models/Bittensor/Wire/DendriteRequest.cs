using System.Net.Http.Headers;

namespace Miner.Models.Bittensor.Wire;

/// <summary>
/// A signed request, exactly as it goes on the wire: URL, headers in bittensor's order, body bytes. Built by
/// <see cref="Dendrite.Prepare"/>; <see cref="SignedMessage"/> is the text the signature covers.
/// </summary>
public sealed record DendriteRequest(
    string SynapseName, Uri Url, IReadOnlyList<KeyValuePair<string, string>> Headers, byte[] Body, string SignedMessage, TimeSpan Timeout)
{
    public const string ContentType = "application/json";

    public HttpRequestMessage ToHttpRequestMessage()
    {
        var message = new HttpRequestMessage(HttpMethod.Post, Url)
        {
            Version = System.Net.HttpVersion.Version11,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
            Content = new ByteArrayContent(Body),
        };
        message.Content.Headers.ContentType = new MediaTypeHeaderValue(ContentType);
        foreach (var (name, value) in Headers) message.Headers.TryAddWithoutValidation(name, value);
        return message;
    }

    /// <summary>Keeps the body (possibly megabytes of base64) out of logs.</summary>
    public override string ToString() => $"POST {Url} ({Body.Length} bytes)";
}
