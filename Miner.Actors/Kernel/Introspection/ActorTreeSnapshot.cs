namespace Miner.Actors.Kernel;

/// <summary>Every actor of a system, sorted by path (sibling order is otherwise not stable).</summary>
public sealed record ActorTreeSnapshot(string SystemName, DateTimeOffset TakenAt, IReadOnlyList<ActorSnapshot> Actors)
{
    public ActorSnapshot? Find(string path) => Actors.FirstOrDefault(a => a.Path == path);
}
