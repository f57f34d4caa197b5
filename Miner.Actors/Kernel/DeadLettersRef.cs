namespace Miner.Actors.Kernel;

/// <summary>Where undeliverable messages go: each one is published as a <see cref="DeadLetter"/>.</summary>
internal sealed class DeadLettersRef(ActorSystem system) : IActorRef, ISystemBound
{
    public ActorSystem System => system;
    public ActorPath Path { get; } = new(null, "deadLetters", 0);

    public void Tell(object message, IActorRef? sender = null)
    {
        if (message is DeadLetter letter) system.EventStream.Publish(letter);
        else system.EventStream.Publish(new DeadLetter(message, sender ?? this, this));
    }

    public override string ToString() => "DeadLetters";
}
