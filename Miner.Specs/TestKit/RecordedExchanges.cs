using System.Text.Json;

namespace Miner.Specs.TestKit;

/// <summary>
/// Replays ../shared/fixtures/subtensor/rpc_exchanges.json. Requests match on method and parameters, with hex
/// compared without <c>0x</c> and case, trailing nulls ignored, and <c>state_getStorageAt</c> taken as its alias
/// <c>state_getStorage</c> (the recording used one form, the client may send the other).
/// </summary>
public sealed class RecordedExchanges
{
    private readonly Dictionary<string, string> _results = new();

    public RecordedExchanges(string directory)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(directory, "rpc_exchanges.json")));
        foreach (var exchange in document.RootElement.EnumerateArray())
        {
            var result = exchange.GetProperty("result");
            var json = result.ValueKind == JsonValueKind.String && result.GetString()!.StartsWith('@')
                ? JsonSerializer.Serialize(File.ReadAllText(Path.Combine(directory, result.GetString()![1..])).Trim())
                : result.GetRawText();
            _results[Key(exchange.GetProperty("method").GetString()!, exchange.GetProperty("params"))] = json;
        }
    }

    public static RecordedExchanges Load() => new(SharedFixtures.Path("subtensor"));

    /// <summary>The recorded answer, or null when nothing was recorded for this request.</summary>
    public FakeRpcReply? Reply(FakeRpcRequest request) =>
        _results.TryGetValue(Key(request.Method, request.Params), out var json) ? FakeRpcReply.Result(json) : null;

    /// <summary>Recorded answers; anything else gets a JSON-RPC error, as an unknown method would.</summary>
    public FakeRpcReply ReplyOrError(FakeRpcRequest request) =>
        Reply(request) ?? FakeRpcReply.Failure(-32601, $"nothing recorded for {request.Method} {request.Params.GetRawText()}");

    private static string Key(string method, JsonElement parameters)
    {
        var parts = parameters.EnumerateArray().Select(Normalise).ToList();
        while (parts.Count > 0 && parts[^1] == "null") parts.RemoveAt(parts.Count - 1);
        return (method == "state_getStorageAt" ? "state_getStorage" : method) + "(" + string.Join(",", parts) + ")";
    }

    private static string Normalise(JsonElement value)
    {
        if (value.ValueKind != JsonValueKind.String) return value.GetRawText();
        var text = value.GetString()!.ToLowerInvariant();
        return text.StartsWith("0x", StringComparison.Ordinal) ? text[2..] : text;
    }
}
