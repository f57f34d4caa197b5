namespace Miner.Actors.Kernel;

/// <summary>What an actor can see and do about itself while it handles a message.</summary>
public interface IActorContext
{
    ActorSystem System { get; }
    IActorRef Self { get; }

    /// <summary>The sender of the current message (DeadLetters if none); valid only during that message.</summary>
    IActorRef Sender { get; }

    IActorRef Parent { get; }
    IReadOnlyList<IActorRef> Children { get; }
    IActorRef? Child(string name);

    /// <summary>Creates a child. Creation is ordered before any message this actor sends the child afterwards.</summary>
    IActorRef ActorOf(Props props, string? name = null);

    void Stop(IActorRef actor);

    /// <summary>Delivers <see cref="Terminated"/> once when <paramref name="actor"/> stops, or at once if it is already gone.</summary>
    IActorRef Watch(IActorRef actor);

    /// <summary>Like <see cref="Watch"/> but delivers <paramref name="message"/> instead of <see cref="Terminated"/>.</summary>
    IActorRef WatchWith(IActorRef actor, object message);

    /// <summary>Stops watching; a Terminated already queued for <paramref name="actor"/> is dropped.</summary>
    IActorRef Unwatch(IActorRef actor);

    ActorLog Log { get; }
}
