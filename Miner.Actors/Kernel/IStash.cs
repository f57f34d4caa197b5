namespace Miner.Actors.Kernel;

/// <summary>Holds messages the actor cannot handle yet; bounded by a capacity.</summary>
public interface IStash
{
    int Count { get; }
    int Capacity { get; }

    /// <summary>Keeps the current message. Throws <see cref="StashOverflowException"/> when full and
    /// <see cref="IllegalActorStateException"/> when the current message is already stashed.</summary>
    void Stash();

    /// <summary>Puts the oldest stashed message back in front of the mailbox.</summary>
    void Unstash();

    /// <summary>Puts every stashed message back in front of the mailbox, in the order they were stashed.</summary>
    void UnstashAll();

    /// <summary>Drops the stash and returns what it held.</summary>
    IReadOnlyList<Envelope> ClearStash();
}
