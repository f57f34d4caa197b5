namespace Miner.Actors.Kernel;

/// <summary>The ref of an actor in this process; one per cell, so a restart keeps it and a re-created name gets a new one.</summary>
internal sealed class LocalActorRef(ActorCell cell, ActorPath path) : IActorRef, ISystemBound
{
    public ActorSystem System => Cell.System;
    public ActorPath Path { get; } = path;
    internal ActorCell Cell { get; } = cell;
    public bool IsTerminated => Cell.Mailbox.IsClosed;

    public void Tell(object message, IActorRef? sender = null)
    {
        ArgumentNullException.ThrowIfNull(message);
        Cell.Mailbox.Post(new Envelope(message, sender ?? ActorCell.Current?.Self ?? Cell.System.DeadLetters));
    }

    public override bool Equals(object? obj) => obj is IActorRef other && Path.Equals(other.Path);
    public override int GetHashCode() => Path.GetHashCode();
    public override string ToString() => $"Actor[{Path}#{Path.Uid}]";
}
