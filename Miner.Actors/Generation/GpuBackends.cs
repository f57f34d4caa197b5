using Miner.Models.Generation;

namespace Miner.Actors.Generation;

/// <summary>
/// The model backends of one GPU card. <see cref="TextToImage"/> is null on a card that cannot run a text-to-image
/// model; its text tasks are declined at once.
/// </summary>
public sealed record GpuBackends(ITextToImageBackend? TextToImage, IBackgroundRemovalBackend BackgroundRemoval, IImageTo3DBackend ImageTo3D)
{
    public override string ToString() =>
        $"text-to-image {TextToImage?.Name ?? "none"}, background removal {BackgroundRemoval.Name}, image-to-3D {ImageTo3D.Name}";
}
