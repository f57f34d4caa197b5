using Akka.Actor;
using Akka.Event;
using Miner.Actors.Akka.Introspection;
using Miner.Actors.Akka.Logging;
using Miner.Models.Splats;
using Miner.Models.Validation;

namespace Miner.Actors.Generation;

/// <summary>
/// One configured card, ready to run: its actor name, CUDA device, backends, and the worker processes it starts
/// (null when all its services run elsewhere).
/// </summary>
public sealed record GpuCardPlan(string Name, int Device, GpuBackends Backends, GpuWorkers? Workers)
{
    /// <summary>The card's <see cref="GenerationActor"/>, reporting to <paramref name="router"/>.</summary>
    public Props Props(IActorRef router, ISplatGate gate, GenerationOptions options, SplatOptions splats) =>
        GenerationActor.Props(Name, router, Backends, gate, options, splats, workers: Workers);

    public override string ToString() =>
        $"{Name} (device {Device}): {Backends}{(Workers is { Processes.Count: > 0 } w ? $"; starts {string.Join(", ", w.Processes.Select(p => p.Backend))}" : "")}";
}
