using Miner.Models.Splats;

namespace Miner.Actors.Mining.Submission;

/// <summary>Compresses with the subnet's SPZ (<see cref="SpzWriter"/>) on the thread pool, off any actor's handler.</summary>
public sealed class SpzResultEncoder(SpzWriteOptions? options = null, int threads = 0) : IResultEncoder
{
    public Task<byte[]> EncodeAsync(GaussianCloud cloud, CancellationToken cancellation) =>
        Task.Run(() => SpzWriter.Write(cloud, options, threads), cancellation);
}
