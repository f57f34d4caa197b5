namespace Miner.Actors.Generation;

/// <summary>Why a stage attempt failed.</summary>
public enum StageFailureKind
{
    /// <summary>The backend threw (or its call faulted).</summary>
    Threw,

    /// <summary>The backend did not answer within the stage's timeout; the call was cancelled.</summary>
    TimedOut,

    /// <summary>The backend answered with something unusable: null, empty, zero gaussians, mostly NaN.</summary>
    Garbage,

    /// <summary>A request broke the stage protocol (a second request while busy).</summary>
    Protocol,
}
