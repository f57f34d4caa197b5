using Miner.Models.Bittensor.Chain;
using Miner.Models.Bittensor.Keys;
using Miner.Models.Bittensor.Wire;

namespace Miner.Actors.Mining.Metagraph;

/// <summary>The validator set from the chain: the subnet's metagraph at the finalized (or best) block.</summary>
public sealed class SubtensorValidatorSetSource(SubtensorClient client, MetagraphOptions options, string endpoint) : IValidatorSetSource
{
    public string Description => $"subtensor {endpoint} netuid {options.Netuid}";

    public async Task<IReadOnlyList<ValidatorCandidate>> LoadAsync(CancellationToken cancellation)
    {
        var block = options.UseFinalizedBlock
            ? await client.GetFinalizedBlockAsync(cancellation).ConfigureAwait(false)
            : await client.GetBestBlockAsync(cancellation).ConfigureAwait(false);
        var metagraph = await client.GetMetagraphAsync(options.Netuid, block, cancellation).ConfigureAwait(false);
        var policy = options.AddressPolicy;
        return metagraph.Neurons.Select(n => ToCandidate(n, policy)).ToList();
    }

    public static ValidatorCandidate ToCandidate(MetagraphNeuron neuron, AxonAddressPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(neuron);
        ArgumentNullException.ThrowIfNull(policy);
        var verdict = policy.Evaluate(neuron.Axon);
        var hotkey = Ss58.Encode(neuron.Hotkey.ToArray());
        return new ValidatorCandidate(neuron.Uid, hotkey, verdict.Allowed ? AxonTarget.FromNeuron(neuron) : null, neuron.S,
            verdict.Allowed ? null : verdict.Reason, verdict.RefusalKind);
    }
}
