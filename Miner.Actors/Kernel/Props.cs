namespace Miner.Actors.Kernel;

/// <summary>
/// The recipe for an actor: a factory called for every incarnation (first start and each restart), plus the
/// supervision strategy for its children, its stash capacity and its dispatcher. Actors are only ever built
/// from Props through ActorOf, never with <c>new</c>.
/// </summary>
public sealed class Props
{
    private Props(Type actorType, Func<ReceiveActor> factory)
    {
        ActorType = actorType;
        Factory = factory;
    }

    public Type ActorType { get; }
    internal Func<ReceiveActor> Factory { get; }
    public SupervisorStrategy? SupervisorStrategy { get; private init; }
    public int? StashCapacity { get; private init; }
    public IDispatcher? Dispatcher { get; private init; }

    public static Props Create<TActor>(Func<TActor> factory) where TActor : ReceiveActor =>
        new(typeof(TActor), factory);

    public static Props Create<TActor>() where TActor : ReceiveActor, new() => new(typeof(TActor), () => new TActor());

    public Props WithSupervisorStrategy(SupervisorStrategy strategy) => Copy(strategy, StashCapacity, Dispatcher);

    public Props WithStashCapacity(int capacity) =>
        Copy(SupervisorStrategy, capacity > 0 ? capacity : throw new ArgumentOutOfRangeException(nameof(capacity)), Dispatcher);

    public Props WithDispatcher(IDispatcher dispatcher) => Copy(SupervisorStrategy, StashCapacity, dispatcher);

    private Props Copy(SupervisorStrategy? strategy, int? stash, IDispatcher? dispatcher) =>
        new(ActorType, Factory) { SupervisorStrategy = strategy, StashCapacity = stash, Dispatcher = dispatcher };
}
