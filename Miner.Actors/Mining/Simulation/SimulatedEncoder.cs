using Miner.Actors.Mining.Submission;
using Miner.Models.Splats;

namespace Miner.Actors.Mining.Simulation;

/// <summary>Stands in for SPZ compression in simulations: answers at once with bytes of a fixed size.</summary>
public sealed class SimulatedEncoder(int bytes = 1024) : IResultEncoder
{
    public Task<byte[]> EncodeAsync(GaussianCloud cloud, CancellationToken cancellation) => Task.FromResult(new byte[bytes]);
}
