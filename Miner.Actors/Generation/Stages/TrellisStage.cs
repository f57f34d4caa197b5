using Miner.Actors.Kernel;
using Miner.Models.Generation;
using Miner.Models.Splats;

namespace Miner.Actors.Generation;

/// <summary>RGBA to activated gaussians through the card's image-to-3D backend (TRELLIS or a fallback).</summary>
public sealed class TrellisStage(IImageTo3DBackend backend, TimeSpan timeout, double maxNonFiniteShare)
    : GenerationStage<TrellisRequest>(StageNames.Trellis, timeout)
{
    public static Props Props(IImageTo3DBackend backend, TimeSpan timeout, double maxNonFiniteShare) =>
        Kernel.Props.Create(() => new TrellisStage(backend, timeout, maxNonFiniteShare));

    protected override Task<object?> Run(TrellisRequest request, CancellationToken cancellation) =>
        StageOutputs.Box(backend.GenerateAsync(request.Rgba, request.Seed, cancellation));

    protected override string? Inspect(object output)
    {
        if (output is not ActivatedSplats splats) return $"expected gaussians, got {output.GetType().Name}";
        if (splats.Count == 0) return "zero gaussians";
        var nonFinite = 0;
        for (var i = 0; i < splats.Count; i++)
            if (!float.IsFinite(splats.Positions[3 * i]) || !float.IsFinite(splats.Positions[3 * i + 1]) || !float.IsFinite(splats.Positions[3 * i + 2]))
                nonFinite++;
        var share = (double)nonFinite / splats.Count;
        return share > maxNonFiniteShare
            ? $"{nonFinite} of {splats.Count} gaussians have a NaN or infinite position (more than {maxNonFiniteShare:P0})"
            : null;
    }
}
