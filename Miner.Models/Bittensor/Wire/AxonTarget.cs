using System.Net;
using Miner.Models.Bittensor.Chain;
using Miner.Models.Bittensor.Keys;

namespace Miner.Models.Bittensor.Wire;

/// <summary>Where a dendrite sends a synapse: the validator's axon address and its hotkey (SS58), from the chain.</summary>
public sealed record AxonTarget(IPAddress Address, int Port, string Hotkey)
{
    public static AxonTarget FromNeuron(MetagraphNeuron neuron)
    {
        ArgumentNullException.ThrowIfNull(neuron);
        return new AxonTarget(neuron.Axon.Address, neuron.Axon.Port, Ss58.Encode(neuron.Hotkey.ToArray()));
    }

    public override string ToString() => $"{Hotkey}@{Address}:{Port}";
}
