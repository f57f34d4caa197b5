namespace Miner.Actors.Kernel;

/// <summary>
/// How <see cref="ActorSystem.TerminateWithin"/> ended: every actor stopped in time, or not, with the actors that
/// did not even answer a snapshot (a handler that never returns) so the operator learns which one held the exit.
/// </summary>
public sealed record TerminationReport(bool Stopped, IReadOnlyList<ActorSnapshot> NotAnswering)
{
    public static TerminationReport InTime { get; } = new(true, []);
}
