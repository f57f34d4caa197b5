namespace Miner.Actors.Kernel;

/// <summary>PostRestart threw after a restart caused by <see cref="OriginalCause"/>; handled as a new failure.</summary>
public sealed class PostRestartException(string actorPath, Exception originalCause, Exception cause)
    : Exception($"{actorPath}: PostRestart failed: {cause.Message}", cause)
{
    public Exception OriginalCause { get; } = originalCause;
}
