using Miner.Models.Splats;
using Miner.Models.Validation;

namespace Miner.Actors.Generation;

/// <summary>
/// What a GPU pool reports for a task it was given, exactly once per task. <see cref="Cloud"/> holds storage
/// values (clean-written, normalised) when <see cref="Outcome"/> is Generated.
/// </summary>
public sealed record GenerationResult(
    string TaskId,
    string Gpu,
    GenerationOutcome Outcome,
    GaussianCloud? Cloud,
    string Reason,
    IReadOnlyList<StageTiming> Timings,
    GateVerdict? Verdict);
