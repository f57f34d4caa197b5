using Miner.Models.Splats;

namespace Miner.Models.Validation;

/// <summary>A gate that also judges the cloud against the prompt it came from (the validation service's score).</summary>
public interface IPromptAwareSplatGate : ISplatGate
{
    GateVerdict Evaluate(GaussianCloud cloud, GenerationPrompt prompt, CancellationToken cancellation);
}
