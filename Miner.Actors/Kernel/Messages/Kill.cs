namespace Miner.Actors.Kernel;

/// <summary>Makes the actor fail with <see cref="ActorKilledException"/> (the default decider stops it).</summary>
public sealed class Kill
{
    public static Kill Instance { get; } = new();
    private Kill() { }
}
