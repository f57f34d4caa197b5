namespace Miner.Actors.Generation;

/// <summary>
/// Thrown by a stage actor when its attempt failed, so that the GenerationActor's supervision stops the stage and
/// re-creates it after a backoff; the parent reads <see cref="Kind"/> and the task id to decide on a retry.
/// </summary>
public sealed class StageFailureException(string stage, StageFailureKind kind, string taskId, int attempt, string reason, Exception? inner = null)
    : Exception($"{stage} stage {Describe(kind)} on {taskId} attempt {attempt}: {reason}", inner)
{
    public string Stage { get; } = stage;
    public StageFailureKind Kind { get; } = kind;
    public string TaskId { get; } = taskId;
    public int Attempt { get; } = attempt;
    public string Reason { get; } = reason;

    private static string Describe(StageFailureKind kind) => kind switch
    {
        StageFailureKind.Threw => "threw",
        StageFailureKind.TimedOut => "timed out",
        StageFailureKind.Garbage => "returned garbage",
        _ => "broke protocol",
    };
}
