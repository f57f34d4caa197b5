namespace Miner.Actors.Kernel;

/// <summary>Queued notice that a watched actor stopped; dropped on arrival if the watcher unwatched it meanwhile.</summary>
internal sealed record WatchedTerminated(IActorRef Actor, object Payload);
