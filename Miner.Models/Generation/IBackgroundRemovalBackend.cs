using Miner.Models.Imaging;

namespace Miner.Models.Generation;

/// <summary>Image to RGBA with the background made transparent (BRIA RMBG 2.0, BiRefNet, or the CPU matting fallback).</summary>
public interface IBackgroundRemovalBackend
{
    string Name { get; }

    bool IsFallback { get; }

    Task<RgbaImage> RemoveBackgroundAsync(RgbaImage image, CancellationToken cancellation);
}
