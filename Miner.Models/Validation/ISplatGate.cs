using Miner.Models.Splats;

namespace Miner.Models.Validation;

/// <summary>Checks a cloud (storage values, as it will be submitted) before anything is sent to a validator.</summary>
public interface ISplatGate
{
    GateVerdict Evaluate(GaussianCloud cloud, CancellationToken cancellation);
}
