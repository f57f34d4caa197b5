using Miner.Models.Generation;

namespace Miner.Actors.Generation;

/// <summary>
/// The model backends of one GPU card, in one of two layouts. The seed layout: <see cref="BackgroundRemoval"/> and
/// <see cref="ImageTo3D"/> (and <see cref="TextToImage"/>, null on a card that cannot run a text-to-image model, whose
/// text tasks are then declined at once). The monolithic layout (<see cref="Monolithic"/>): <see cref="PromptTo3D"/>
/// does the whole prompt-to-3D step of text and image tasks (a subnet-style <c>/generate/</c> service).
/// </summary>
public sealed record GpuBackends(ITextToImageBackend? TextToImage, IBackgroundRemovalBackend? BackgroundRemoval, IImageTo3DBackend? ImageTo3D)
{
    /// <summary>Set in the monolithic layout only; the other three are then null.</summary>
    public IPromptTo3DBackend? PromptTo3D { get; init; }

    public bool IsMonolithic => PromptTo3D is not null;

    public static GpuBackends Monolithic(IPromptTo3DBackend promptTo3D)
    {
        ArgumentNullException.ThrowIfNull(promptTo3D);
        return new GpuBackends(null, null, null) { PromptTo3D = promptTo3D };
    }

    /// <summary>Throws unless exactly one layout is complete.</summary>
    public void Validate()
    {
        if (IsMonolithic && (TextToImage ?? BackgroundRemoval ?? (object?)ImageTo3D) is not null)
            throw new ArgumentException("a monolithic card (prompt-to-3D) has no separate text-to-image, background removal or image-to-3D backend");
        if (!IsMonolithic && (BackgroundRemoval is null || ImageTo3D is null))
            throw new ArgumentException("a card needs background removal and image-to-3D backends, or a prompt-to-3D backend");
    }

    /// <summary>For logs and status; a CPU stand-in is labelled as the fallback it is.</summary>
    public override string ToString() =>
        PromptTo3D is { } whole
            ? $"prompt-to-3D {whole.Name}"
            : $"text-to-image {(TextToImage is null ? "none" : Label(TextToImage.Name, TextToImage.IsFallback))}, "
              + $"background removal {(BackgroundRemoval is null ? "none" : Label(BackgroundRemoval.Name, BackgroundRemoval.IsFallback))}, "
              + $"image-to-3D {(ImageTo3D is null ? "none" : Label(ImageTo3D.Name, ImageTo3D.IsFallback))}";

    // The CPU stand-ins already say "(fallback)" in their names; label once.
    private static string Label(string name, bool fallback) =>
        fallback && !name.Contains("(fallback)", StringComparison.Ordinal) ? $"{name} (fallback)" : name;
}
