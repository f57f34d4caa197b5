using System.Text;
using System.Text.Json;
using Miner.Models.Protocol;

namespace Miner.Models.Bittensor.Wire;

/// <summary>Turns an axon's HTTP answer into a <see cref="DendriteOutcome{T}"/>, reading at most the configured bytes.</summary>
internal static class DendriteResponseReader
{
    /// <summary>The body, or null when it is larger than <paramref name="maxBytes"/> (the rest is never read).</summary>
    public static async Task<byte[]?> ReadBodyAsync(HttpResponseMessage response, int maxBytes, CancellationToken cancellation)
    {
        if (response.Content.Headers.ContentLength > maxBytes) return null;
        await using var stream = await response.Content.ReadAsStreamAsync(cancellation).ConfigureAwait(false);
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await stream.ReadAsync(chunk, cancellation).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > maxBytes) return null;
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }

    public static DendriteOutcome<T> Interpret<T>(int status, byte[]? body, int maxBytes, TimeSpan elapsed) where T : Synapse
    {
        if (body is null)
            return new(status == 200 ? DendriteStatus.InvalidResponse : Classify(status), status,
                $"Failed to parse response: the body exceeds {maxBytes} bytes", null, elapsed);
        if (status != 200) return new(Classify(status), status, ErrorMessage(status, body), null, elapsed);
        try
        {
            return new(DendriteStatus.Ok, status, null, ProtocolJson.Deserialize<T>(body, maxBytes), elapsed);
        }
        catch (ProtocolFormatException error)
        {
            return new(DendriteStatus.InvalidResponse, status, $"Failed to parse response: {error.Message}", null, elapsed);
        }
    }

    public static DendriteStatus Classify(int status) => status switch
    {
        200 => DendriteStatus.Ok,
        400 => DendriteStatus.BadRequest,
        401 => DendriteStatus.Unverified,
        403 => DendriteStatus.Blacklisted,
        404 => DendriteStatus.NotFound,
        408 => DendriteStatus.Timeout,
        413 => DendriteStatus.PayloadTooLarge,
        422 => DendriteStatus.Unprocessable,
        >= 500 and <= 599 => DendriteStatus.ServerError,
        _ => DendriteStatus.UnexpectedStatus,
    };

    // An axon error carries {"message": ...}; FastAPI's own 422/404/405 carry {"detail": ...}; a proxy may send anything.
    private static string ErrorMessage(int status, byte[] body)
    {
        try
        {
            using var document = JsonDocument.Parse(body, new JsonDocumentOptions { MaxDepth = ProtocolJson.MaxDepth });
            if (document.RootElement.ValueKind == JsonValueKind.Object)
            {
                if (document.RootElement.TryGetProperty("message", out var message) && message.ValueKind == JsonValueKind.String)
                    return message.GetString()!;
                if (document.RootElement.TryGetProperty("detail", out var detail)) return Clip(detail.GetRawText());
            }
        }
        catch (Exception error) when (error is JsonException or InvalidOperationException)
        {
            // not JSON: fall through to the raw text
        }
        var text = Encoding.UTF8.GetString(body).Trim();
        return text.Length == 0 ? $"HTTP {status} with an empty body" : $"HTTP {status}: {Clip(text)}";
    }

    private static string Clip(string text) => text.Length <= 500 ? text : text[..500] + "…";
}
