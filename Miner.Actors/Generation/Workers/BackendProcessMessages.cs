namespace Miner.Actors.Generation;

/// <summary>Where a supervised worker process is in its life.</summary>
public enum BackendProcessPhase
{
    /// <summary>Launched (or launching), waiting for its health URL to answer.</summary>
    Starting,

    /// <summary>Running and answering health checks.</summary>
    Healthy,

    /// <summary>Being stopped, or waiting out the backoff before the next launch.</summary>
    Restarting,

    /// <summary>Restart budget spent: no process, the card is reported unhealthy.</summary>
    GaveUp,
}

/// <summary>Ask a <see cref="BackendProcessActor"/> for its <see cref="BackendProcessState"/>.</summary>
public sealed record GetBackendProcessState
{
    public static readonly GetBackendProcessState Instance = new();
}

/// <summary>The worker's phase, the pid of the running process (if any) and restarts so far.</summary>
public sealed record BackendProcessState(BackendProcessPhase Phase, int? Pid, int Restarts, string? LastProblem);
