using Miner.Actors.Kernel;
using Miner.Models.Generation;

namespace Miner.Actors.Generation;

/// <summary>Image to RGBA with the background removed.</summary>
public sealed class MaskStage(IBackgroundRemovalBackend backend, TimeSpan timeout) : GenerationStage<MaskRequest>(StageNames.Mask, timeout)
{
    public static Props Props(IBackgroundRemovalBackend backend, TimeSpan timeout) => Kernel.Props.Create(() => new MaskStage(backend, timeout));

    protected override Task<object?> Run(MaskRequest request, CancellationToken cancellation) =>
        StageOutputs.Box(backend.RemoveBackgroundAsync(request.Image, cancellation));

    protected override string? Inspect(object output) => StageOutputs.InspectImage(output, "background removal");
}
