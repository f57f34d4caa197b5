using Akka.Actor;
using Akka.Event;
using Miner.Actors.Akka.Introspection;
using Miner.Actors.Akka.Logging;
using Miner.Models.Generation;
using Miner.Models.Splats;

namespace Miner.Actors.Generation;

/// <summary>RGBA to activated gaussians through the card's image-to-3D backend (TRELLIS or a fallback).</summary>
public sealed class TrellisStage(IImageTo3DBackend backend, TimeSpan timeout, double maxNonFiniteShare)
    : GenerationStage<TrellisRequest>(StageNames.Trellis, timeout)
{
    public static Props Props(IImageTo3DBackend backend, TimeSpan timeout, double maxNonFiniteShare) =>
        global::Akka.Actor.Props.Create(() => new TrellisStage(backend, timeout, maxNonFiniteShare));

    protected override Task<object?> Run(TrellisRequest request, CancellationToken cancellation) =>
        StageOutputs.Box(backend.GenerateAsync(request.Rgba, request.Seed, cancellation));

    protected override string? Inspect(object output) => StageOutputs.InspectSplats(output, maxNonFiniteShare);
}
