namespace Miner.Models.Bittensor.Wire;

/// <summary>
/// What an <see cref="AxonPipeline"/> answers: the status, the synapse headers and a JSON body (always
/// <c>application/json</c>). <see cref="Error"/> carries a handler's exception behind a 500, for the host to log.
/// </summary>
public sealed record AxonResponse(int StatusCode, IReadOnlyList<KeyValuePair<string, string>> Headers, byte[] Body)
{
    public const string ContentType = "application/json";

    public Exception? Error { get; init; }

    public override string ToString() => $"{StatusCode} ({Body.Length} bytes)";
}
