namespace Miner.Models.Protocol;

/// <summary>bittensor's base <c>Synapse</c>, which every axon serves at <c>/Synapse</c>: a signed ping.</summary>
public sealed record PingSynapse : Synapse
{
    public const string SynapseName = "Synapse";

    public override string Name => SynapseName;
}
