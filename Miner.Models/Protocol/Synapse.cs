namespace Miner.Models.Protocol;

/// <summary>
/// The fields every bittensor synapse carries in its JSON body, before the subnet's own fields. bittensor
/// declares them all optional, so a null in a body reads as the default.
/// </summary>
public abstract record Synapse
{
    /// <summary>The Python class name: the URL path segment and the <c>name</c> field.</summary>
    public abstract string Name { get; }

    /// <summary>The caller's timeout in seconds.</summary>
    public double Timeout { get; init; } = 12.0;

    /// <summary>A CPython object size the sender reports; nobody checks it.</summary>
    public long TotalSize { get; init; }

    /// <summary>Always 0 in bodies (only the header carries a size).</summary>
    public long HeaderSize { get; init; }

    public TerminalInfo Dendrite { get; init; } = TerminalInfo.Empty;

    public TerminalInfo Axon { get; init; } = TerminalInfo.Empty;

    /// <summary>Empty in bodies: only the <c>computed_body_hash</c> header carries the hash.</summary>
    public string ComputedBodyHash { get; init; } = "";
}
