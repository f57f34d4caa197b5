using Miner.Models.Imaging;

namespace Miner.Models.Generation;

/// <summary>Text prompt to an RGB(A) image (SD3.5 Large Turbo, FLUX.1-schnell, ...). One instance per GPU card.</summary>
public interface ITextToImageBackend
{
    /// <summary>Shown in logs and status, e.g. "http://127.0.0.1:8093 (flux)".</summary>
    string Name { get; }

    /// <summary>True for a low-quality CPU stand-in; logs and docs label it as a fallback.</summary>
    bool IsFallback { get; }

    Task<RgbaImage> GenerateAsync(string prompt, int seed, CancellationToken cancellation);
}
