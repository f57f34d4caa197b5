using System.Net;

namespace Miner.Models.Bittensor.Wire;

/// <summary>One HTTP request as an <see cref="AxonPipeline"/> sees it, independent of the server hosting it.</summary>
/// <param name="Headers">As received; names are matched case-insensitively and the last of repeated names wins, as in bittensor.</param>
public sealed record AxonRequest(
    string Method, string Path, IReadOnlyList<KeyValuePair<string, string>> Headers, ReadOnlyMemory<byte> Body,
    IPAddress? RemoteIp = null, int? RemotePort = null)
{
    public override string ToString() => $"{Method} {Path} ({Body.Length} bytes) from {RemoteIp}";
}
