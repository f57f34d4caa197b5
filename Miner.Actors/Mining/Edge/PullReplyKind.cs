namespace Miner.Actors.Mining.Edge;

public enum PullReplyKind
{
    /// <summary>The validator handed out (or handed out again) a task.</summary>
    Task,

    /// <summary>No task: the miner is on cooldown until the reply's time.</summary>
    Cooldown,

    /// <summary>No task and no cooldown (the base miner then waits 300 s).</summary>
    Empty,

    /// <summary>No usable answer: timeout, refused connection, HTTP error, unreadable body.</summary>
    TransportError,
}
