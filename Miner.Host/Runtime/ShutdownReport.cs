using Miner.Actors.Akka.Introspection;

namespace Miner.Host.Runtime;

/// <summary>How a shutdown went: whether the actor system stopped in time, and if not, who did not answer.</summary>
public sealed record ShutdownReport(bool Stopped, IReadOnlyList<UnresponsiveActor> NotAnswering)
{
    public static readonly ShutdownReport InTime = new(true, []);
}
