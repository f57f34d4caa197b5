namespace Miner.Actors.Kernel;

/// <summary>An ordinary queued message: the actor stops when it reaches it.</summary>
public sealed class PoisonPill
{
    public static PoisonPill Instance { get; } = new();
    private PoisonPill() { }
}
