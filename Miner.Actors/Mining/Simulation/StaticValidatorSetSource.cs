using Miner.Actors.Mining.Metagraph;

namespace Miner.Actors.Mining.Simulation;

/// <summary>A validator set held in memory (simulations and specs); <see cref="Candidates"/> may be replaced between syncs.</summary>
public sealed class StaticValidatorSetSource(IReadOnlyList<ValidatorCandidate> candidates) : IValidatorSetSource
{
    public IReadOnlyList<ValidatorCandidate> Candidates { get; set; } = candidates;

    public string Description => "static set";

    public Task<IReadOnlyList<ValidatorCandidate>> LoadAsync(CancellationToken cancellation) => Task.FromResult(Candidates);
}
