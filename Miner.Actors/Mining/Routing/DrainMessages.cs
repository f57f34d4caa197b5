namespace Miner.Actors.Mining.Routing;

// The router's part of the miner's shutdown (the coordinated-shutdown mining phase): stop pulling, let the tasks in
// flight finish, decline what is left when the phase runs out of time.

/// <summary>No more pulls; tasks waiting for a GPU are declined. Answered with <see cref="PullingStopped"/>.</summary>
public sealed record StopPulling
{
    public static readonly StopPulling Instance = new();
}

/// <summary>The answer to <see cref="StopPulling"/>: how many tasks were still in flight.</summary>
public sealed record PullingStopped(int InFlight);

/// <summary>Answered with <see cref="Drained"/> once pulling is stopped and no task is in flight.</summary>
public sealed record WhenDrained
{
    public static readonly WhenDrained Instance = new();
}

/// <summary>Nothing pulled is left unsubmitted.</summary>
public sealed record Drained
{
    public static readonly Drained Instance = new();
}

/// <summary>Declines (empty submission, no penalty) every task in flight that is not already being submitted.</summary>
public sealed record DeclineInFlight(string Reason);

/// <summary>
/// The operator's undo of <see cref="StopPulling"/> (<c>miner ctl resume</c>): pulling starts again for the slots the
/// cards have asked for. Answered with <see cref="PullingResumed"/>; harmless when pulling was not stopped.
/// </summary>
public sealed record ResumePulling
{
    public static readonly ResumePulling Instance = new();
}

/// <summary>The answer to <see cref="ResumePulling"/>: whether pulling had been stopped, and the tasks in flight.</summary>
public sealed record PullingResumed(bool WasStopped, int InFlight);
