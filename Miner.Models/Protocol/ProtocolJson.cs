namespace Miner.Models.Protocol;

/// <summary>
/// The JSON codec for synapse bodies. Writes every field in bittensor's order with Python's layout (so a request
/// matches a Python dendrite's byte for byte); reads peer JSON with a size cap, a depth cap and pydantic's
/// defaults, reporting anything unusable as a <see cref="ProtocolFormatException"/> with a JSON path.
/// </summary>
public static class ProtocolJson
{
    /// <summary>Default cap on a body read: an SPZ result as base64 is a few MiB.</summary>
    public const int DefaultMaxBytes = 64 * 1024 * 1024;

    /// <summary>Synapses nest three levels; anything deeper is hostile.</summary>
    public const int MaxDepth = 16;

    /// <summary>Route names in the order an axon lists them.</summary>
    public static IReadOnlyList<string> SynapseNames { get; } = SynapseCatalog.All.Select(e => e.Name).ToArray();

    public static byte[] Serialize(Synapse synapse, ProtocolJsonStyle style = ProtocolJsonStyle.Request)
    {
        ArgumentNullException.ThrowIfNull(synapse);
        return SynapseJsonWriter.Write(synapse, style);
    }

    public static T Deserialize<T>(ReadOnlyMemory<byte> utf8, int maxBytes = DefaultMaxBytes) where T : Synapse =>
        (T)SynapseJsonReader.Read(SynapseCatalog.Of(typeof(T)), utf8, maxBytes);

    /// <summary>Reads the synapse a route name stands for; throws ArgumentException for a name not in <see cref="SynapseNames"/>.</summary>
    public static Synapse Deserialize(string synapseName, ReadOnlyMemory<byte> utf8, int maxBytes = DefaultMaxBytes) =>
        SynapseJsonReader.Read(
            SynapseCatalog.ByName(synapseName) ?? throw new ArgumentException($"unknown synapse {synapseName}", nameof(synapseName)),
            utf8, maxBytes);
}
