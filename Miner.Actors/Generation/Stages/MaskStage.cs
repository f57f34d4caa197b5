using Akka.Actor;
using Akka.Event;
using Miner.Actors.Akka.Introspection;
using Miner.Actors.Akka.Logging;
using Miner.Models.Generation;

namespace Miner.Actors.Generation;

/// <summary>Image to RGBA with the background removed.</summary>
public sealed class MaskStage(IBackgroundRemovalBackend backend, TimeSpan timeout) : GenerationStage<MaskRequest>(StageNames.Mask, timeout)
{
    public static Props Props(IBackgroundRemovalBackend backend, TimeSpan timeout) => global::Akka.Actor.Props.Create(() => new MaskStage(backend, timeout));

    protected override Task<object?> Run(MaskRequest request, CancellationToken cancellation) =>
        StageOutputs.Box(backend.RemoveBackgroundAsync(request.Image, cancellation));

    protected override string? Inspect(object output) => StageOutputs.InspectImage(output, "background removal");
}
