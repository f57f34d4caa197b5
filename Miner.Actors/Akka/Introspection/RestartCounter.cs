using System.Runtime.CompilerServices;
using Akka.Actor;

namespace Miner.Actors.Akka.Introspection;

/// <summary>
/// Restart counts that survive restarts. A restart makes a new actor instance in the same cell, so the count is
/// kept against the cell (the <see cref="IActorContext"/>), in a weak table: it goes with the cell when the actor
/// stops, and nothing in the actor instance has to carry it over.
/// </summary>
internal static class RestartCounter
{
    private static readonly ConditionalWeakTable<IActorContext, StrongBox<int>> Counts = new();

    public static void Increment(IActorContext cell) => Interlocked.Increment(ref Counts.GetOrCreateValue(cell).Value);

    public static int Get(IActorContext cell) => Counts.TryGetValue(cell, out var box) ? Volatile.Read(ref box.Value) : 0;
}
