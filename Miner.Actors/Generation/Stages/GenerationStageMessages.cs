using Miner.Models.Imaging;
using Miner.Models.Splats;
using Miner.Models.Validation;

namespace Miner.Actors.Generation;

/// <summary>
/// Work for one stage, correlated by task id and attempt: results of an earlier attempt (after a timeout or a
/// retry) are recognised as stale and ignored. Health probes use task ids starting with "probe-".
/// </summary>
public abstract record StageRequest(string TaskId, int Attempt);

/// <summary>Text prompt to image (ImageStage).</summary>
public sealed record ImageRequest(string TaskId, int Attempt, string Prompt, int Seed) : StageRequest(TaskId, Attempt);

/// <summary>Image to RGBA with the background removed (MaskStage).</summary>
public sealed record MaskRequest(string TaskId, int Attempt, RgbaImage Image) : StageRequest(TaskId, Attempt);

/// <summary>RGBA to activated gaussians (TrellisStage).</summary>
public sealed record TrellisRequest(string TaskId, int Attempt, RgbaImage Rgba, int Seed) : StageRequest(TaskId, Attempt);

/// <summary>A task's prompt (text, or the base64 image) to activated gaussians in one call (PromptTo3DStage, monolithic layout).</summary>
public sealed record GenerateRequest(string TaskId, int Attempt, string Prompt) : StageRequest(TaskId, Attempt);

/// <summary>Activated gaussians to a clean, normalised, gated cloud (PlyWriteStage).</summary>
/// <summary><see cref="Prompt"/> reaches a prompt-aware gate (self-scoring); absent, the gate judges the cloud alone.</summary>
public sealed record PlyWriteRequest(string TaskId, int Attempt, ActivatedSplats Splats, GenerationPrompt? Prompt = null) : StageRequest(TaskId, Attempt);

/// <summary>
/// A stage's answer to its parent. <see cref="Output"/> is an <see cref="RgbaImage"/> (image, mask),
/// <see cref="ActivatedSplats"/> (trellis) or a <see cref="PlyWriteOutput"/> (ply). Failures are not answered:
/// the stage fails, its parent's supervision sees it and re-creates the stage after a backoff.
/// </summary>
public sealed record StageCompleted(string TaskId, int Attempt, string Stage, object Output);

/// <summary>The cloud as it would be submitted, what cleaning and normalisation did, and the gate's verdict.</summary>
public sealed record PlyWriteOutput(
    GaussianCloud Cloud,
    RepairReport Repair,
    OpacityNormalization Opacity,
    GeometryNormalization Geometry,
    GateVerdict Verdict);

/// <summary>Asks a stage what it is doing; answered even while its backend call runs.</summary>
public sealed record StageStatusQuery
{
    public static StageStatusQuery Instance { get; } = new();
}

/// <summary>A stage's state: the task and attempt in hand (null when idle) and since when.</summary>
public sealed record StageStatus(string Stage, string? TaskId, int Attempt, DateTimeOffset? BusySince);
