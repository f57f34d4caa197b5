namespace Miner.Actors.Kernel;

/// <summary>One actor as seen between two of its messages.</summary>
public sealed record ActorSnapshot(
    string Path,
    string ActorType,
    long Uid,
    int Incarnation,
    ActorState State,
    int MailboxDepth,
    int StashSize,
    long MessagesProcessed,
    int RestartsInWindow,
    int TotalRestarts,
    FailureInfo? LastFailure,
    IReadOnlyList<string> TimerKeys,
    string? Summary);
