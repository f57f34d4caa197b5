namespace Miner.Models.Bittensor.Chain;

/// <summary>The node answered a request with a JSON-RPC error object. Not retried: the node will say the same again.</summary>
public sealed class JsonRpcException : Exception
{
    public JsonRpcException(string method, int code, string nodeMessage, string? data)
        : base($"{method} failed: node error {code}: {nodeMessage}{(data is null ? "" : $" ({data})")}")
    {
        Method = method;
        Code = code;
        NodeMessage = nodeMessage;
        ErrorData = data;
    }

    public string Method { get; }

    public int Code { get; }

    public string NodeMessage { get; }

    /// <summary>The error's <c>data</c> member as raw JSON text, if any.</summary>
    public string? ErrorData { get; }

    /// <summary>A light node has pruned the block asked for; retry at a recent block or use an archive node.</summary>
    public bool IsStateDiscarded => NodeMessage.Contains("State already discarded", StringComparison.OrdinalIgnoreCase)
        || (ErrorData?.Contains("State already discarded", StringComparison.OrdinalIgnoreCase) ?? false);
}
