using Miner.Models.Splats;

namespace Miner.Actors.Mining.Submission;

/// <summary>Turns a finished cloud into the bytes a submission carries (SPZ); may run long, so it returns a task.</summary>
public interface IResultEncoder
{
    Task<byte[]> EncodeAsync(GaussianCloud cloud, CancellationToken cancellation);
}
