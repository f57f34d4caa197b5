using Miner.Models.Generation;

namespace Miner.Actors.Generation;

/// <summary>
/// The model backends of one GPU card. <see cref="TextToImage"/> is null on a card that cannot run a text-to-image
/// model; its text tasks are declined at once.
/// </summary>
public sealed record GpuBackends(ITextToImageBackend? TextToImage, IBackgroundRemovalBackend BackgroundRemoval, IImageTo3DBackend ImageTo3D)
{
    /// <summary>For logs and status; a CPU stand-in is labelled as the fallback it is.</summary>
    public override string ToString() =>
        $"text-to-image {(TextToImage is null ? "none" : Label(TextToImage.Name, TextToImage.IsFallback))}, "
        + $"background removal {Label(BackgroundRemoval.Name, BackgroundRemoval.IsFallback)}, "
        + $"image-to-3D {Label(ImageTo3D.Name, ImageTo3D.IsFallback)}";

    private static string Label(string name, bool fallback) => fallback ? $"{name} (fallback)" : name;
}
