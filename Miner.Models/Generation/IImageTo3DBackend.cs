using Miner.Models.Imaging;
using Miner.Models.Splats;

namespace Miner.Models.Generation;

/// <summary>
/// RGBA image (background removed) to gaussians in the activated domain (TRELLIS, or the CPU silhouette-inflation
/// fallback). The PLY-write stage turns the result into storage values, so backends never write PLY themselves.
/// </summary>
public interface IImageTo3DBackend
{
    string Name { get; }

    bool IsFallback { get; }

    Task<ActivatedSplats> GenerateAsync(RgbaImage rgba, int seed, CancellationToken cancellation);
}
