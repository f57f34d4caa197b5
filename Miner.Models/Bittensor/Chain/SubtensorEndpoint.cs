namespace Miner.Models.Bittensor.Chain;

/// <summary>Network names and endpoint URLs, resolved the way bittensor 9.9 resolves them.</summary>
public static class SubtensorEndpoint
{
    public static IReadOnlyDictionary<string, Uri> Networks { get; } = new Dictionary<string, Uri>(StringComparer.OrdinalIgnoreCase)
    {
        ["finney"] = new("wss://entrypoint-finney.opentensor.ai:443"),
        ["test"] = new("wss://test.finney.opentensor.ai:443"),
        ["archive"] = new("wss://archive.chain.opentensor.ai:443"),
        ["local"] = new("ws://127.0.0.1:9944"),
        ["subvortex"] = new("ws://subvortex.info:9944"),
        ["latent-lite"] = new("wss://lite.sub.latent.to:443"),
    };

    /// <summary>
    /// The URL to dial: <paramref name="chainEndpoint"/> when given, else the URL of <paramref name="network"/>.
    /// A value that is not a known name is an endpoint; one without a scheme gets <c>ws://</c>, as in bittensor.
    /// </summary>
    public static Uri Resolve(string? network, string? chainEndpoint = null)
    {
        var value = !string.IsNullOrWhiteSpace(chainEndpoint) ? chainEndpoint.Trim() : network?.Trim();
        if (string.IsNullOrEmpty(value)) return Networks["finney"];
        if (Networks.TryGetValue(value, out var known)) return known;
        var text = value.Contains("://", StringComparison.Ordinal) ? value : "ws://" + value;
        if (!Uri.TryCreate(text, UriKind.Absolute, out var url) || url.Scheme is not ("ws" or "wss"))
            throw new ArgumentException($"subtensor endpoint '{value}' is neither a known network ({string.Join(", ", Networks.Keys)}) nor a ws:// or wss:// URL");
        return url;
    }

    /// <summary>The network a URL belongs to (bittensor matches by substring), or "unknown".</summary>
    public static string NetworkOf(Uri endpoint)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        var text = endpoint.OriginalString;
        if (text.Contains("entrypoint-finney.opentensor.ai", StringComparison.OrdinalIgnoreCase)) return "finney";
        if (text.Contains("test.finney.opentensor.ai", StringComparison.OrdinalIgnoreCase)) return "test";
        if (text.Contains("archive.chain.opentensor.ai", StringComparison.OrdinalIgnoreCase)) return "archive";
        if (text.Contains("127.0.0.1", StringComparison.Ordinal) || text.Contains("localhost", StringComparison.OrdinalIgnoreCase)) return "local";
        return "unknown";
    }
}
