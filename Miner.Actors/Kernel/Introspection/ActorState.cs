namespace Miner.Actors.Kernel;

public enum ActorState
{
    Starting,
    Running,
    Suspended,
    Failed,
    Restarting,
    Stopping,
    Stopped,
    /// <summary>Did not answer the diagnostics query in time (a handler is running long); figures are the last ones seen.</summary>
    Unresponsive,
}
