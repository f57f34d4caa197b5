namespace Miner.Models.Protocol;

/// <summary>The owner asks a validator for its version (<c>/GetVersion</c>); validators blacklist ordinary miners.</summary>
public sealed record GetVersion : Synapse
{
    public const string SynapseName = "GetVersion";

    public override string Name => SynapseName;

    public long Version { get; init; }

    public string ValidationVersion { get; init; } = "";
}
