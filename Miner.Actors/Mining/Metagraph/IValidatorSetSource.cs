namespace Miner.Actors.Mining.Metagraph;

/// <summary>Where the validator set comes from: the chain, or a metagraph file (devnet, tests).</summary>
public interface IValidatorSetSource
{
    /// <summary>Every neuron of the subnet; throws with a clear message when the set cannot be read.</summary>
    Task<IReadOnlyList<ValidatorCandidate>> LoadAsync(CancellationToken cancellation);

    /// <summary>For logs: "subtensor wss://…" or "file devnet/metagraph.json".</summary>
    string Description { get; }
}
