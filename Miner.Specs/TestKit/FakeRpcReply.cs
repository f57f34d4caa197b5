namespace Miner.Specs.TestKit;

/// <summary>What <see cref="FakeSubtensorNode"/> does with one request.</summary>
public sealed record FakeRpcReply
{
    /// <summary>Raw JSON of the <c>result</c> member.</summary>
    public string? ResultJson { get; init; }

    public (int Code, string Message)? Error { get; init; }

    /// <summary>Sent verbatim instead of a JSON-RPC envelope (malformed or oversized messages).</summary>
    public string? RawText { get; init; }

    public TimeSpan Delay { get; init; }

    /// <summary>Answer only once this completes (a spec orders replies without relying on timing).</summary>
    public Task? WaitFor { get; init; }

    /// <summary>Abort the TCP connection instead of answering.</summary>
    public bool Drop { get; init; }

    /// <summary>Never answer.</summary>
    public bool Silent { get; init; }

    public static FakeRpcReply Result(string json) => new() { ResultJson = json };

    public static FakeRpcReply String(string text) => new() { ResultJson = System.Text.Json.JsonSerializer.Serialize(text) };

    public static FakeRpcReply Failure(int code, string message) => new() { Error = (code, message) };

    public static FakeRpcReply Raw(string text) => new() { RawText = text };

    public static FakeRpcReply DropConnection() => new() { Drop = true };

    public static FakeRpcReply NoReply() => new() { Silent = true };
}
