namespace Miner.Actors.Generation;

/// <summary>
/// Published on the event stream when a generated cloud was self-scored by the validation service, so the
/// ScoreKeeper can set the prediction beside the validator's feedback for that task.
/// </summary>
public sealed record ScorePredicted(string TaskId, string Gpu, double Score);
