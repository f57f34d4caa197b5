namespace Miner.Actors.Kernel;

/// <summary>An address to send messages to. Equality is path plus incarnation uid.</summary>
public interface IActorRef
{
    ActorPath Path { get; }

    /// <summary>
    /// Enqueues <paramref name="message"/>; never blocks, never throws for a dead target (it becomes a dead letter).
    /// Without <paramref name="sender"/>, the sender is the actor whose handler is running, else DeadLetters.
    /// </summary>
    void Tell(object message, IActorRef? sender = null);
}
