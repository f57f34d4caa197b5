using Miner.Actors.Storage;
using System.Runtime.CompilerServices;
using Miner.Actors.Kernel;

namespace Miner.Actors.Persistence;

/// <summary>
/// Attaches one <see cref="PersistenceStores"/> to an actor system, the way Akka's persistence extension does:
/// the host registers the stores once at startup and every <see cref="PersistentActor"/> of that system finds them.
/// An actor may instead be given stores through its constructor (Props factory), which wins.
/// </summary>
public static class PersistenceExtension
{
    private static readonly ConditionalWeakTable<ActorSystem, PersistenceStores> Registered = new();

    public static void Register(ActorSystem system, PersistenceStores stores) => Registered.AddOrUpdate(system, stores);

    public static PersistenceStores? Find(ActorSystem system) => Registered.TryGetValue(system, out var stores) ? stores : null;

    public static PersistenceStores Get(ActorSystem system) =>
        Find(system) ?? throw new InvalidOperationException(
            $"actor system '{system.Name}' has no persistence stores: call PersistenceExtension.Register(system, stores) at startup or pass the stores to the actor");
}
