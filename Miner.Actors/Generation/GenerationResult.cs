using Miner.Models.Splats;
using Miner.Models.Validation;

namespace Miner.Actors.Generation;

/// <summary>
/// What a GPU pool reports for a task it was given, exactly once per task. <see cref="Cloud"/> holds storage
/// values (clean-written, normalised) when <see cref="Outcome"/> is Generated. <see cref="PredictedScore"/> is the
/// validation service's score of the cloud when self-scoring ran (also in the verdict's figures as <c>predicted-score</c>).
/// </summary>
public sealed record GenerationResult(
    string TaskId,
    string Gpu,
    GenerationOutcome Outcome,
    GaussianCloud? Cloud,
    string Reason,
    IReadOnlyList<StageTiming> Timings,
    GateVerdict? Verdict,
    double? PredictedScore = null);
