using Miner.Models.Configuration.Rules;

namespace Miner.Actors.Generation;

/// <summary>
/// One GPU card (HOCON <c>miner.generation.gpus[n]</c>): its name, its CUDA device, and either the seed layout
/// (text-to-image, background removal, image-to-3D services) or the monolithic layout (<c>generate</c>).
/// </summary>
public sealed class GpuCardOptions : IValidatedOptions
{
    /// <summary>The card's actor name; empty means <c>gpu-&lt;index&gt;</c>.</summary>
    public string Name { get; set; } = "";

    /// <summary>CUDA device index given to worker processes as CUDA_VISIBLE_DEVICES; -1 means the entry's index.</summary>
    [Between(-1, 1023)]
    public int Device { get; set; } = -1;

    /// <summary>Absent: text tasks on this card are declined (no CPU text-to-image exists).</summary>
    public TextToImageServiceOptions? TextToImage { get; set; }

    public BackendServiceOptions? BackgroundRemoval { get; set; }

    public ImageTo3DServiceOptions? ImageTo3D { get; set; }

    /// <summary>The monolithic layout instead of the three services above.</summary>
    public GenerateServiceOptions? Generate { get; set; }

    public string NameFor(int index) => string.IsNullOrWhiteSpace(Name) ? $"gpu-{index}" : Name;

    public int DeviceFor(int index) => Device < 0 ? index : Device;

    /// <summary>Each problem, keyed relative to this entry (e.g. <c>image-to-3d.url</c>).</summary>
    public IEnumerable<(string Key, string Problem)> Problems()
    {
        if (!string.IsNullOrEmpty(Name) && !Name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
            yield return ("name", $"'{Name}' must be letters, digits, '-' or '_' (it names an actor)");
        if (Generate is not null)
        {
            if (TextToImage is not null || BackgroundRemoval is not null || ImageTo3D is not null)
                yield return ("generate", "the monolithic layout (generate) excludes text-to-image, background-removal and image-to-3d");
            foreach (var (key, problem) in Generate.Problems(false)) yield return ("generate." + key, problem);
            yield break;
        }
        if (BackgroundRemoval is null) yield return ("background-removal", "missing: give url, or cpu-fallback = on (or use generate for the monolithic layout)");
        else foreach (var (key, problem) in BackgroundRemoval.Problems(true)) yield return ("background-removal." + key, problem);
        if (ImageTo3D is null) yield return ("image-to-3d", "missing: give url, or cpu-fallback = on (or use generate for the monolithic layout)");
        else foreach (var (key, problem) in ImageTo3D.Problems(true)) yield return ("image-to-3d." + key, problem);
        if (TextToImage is not null)
            foreach (var (key, problem) in TextToImage.Problems(false)) yield return ("text-to-image." + key, problem);
    }
}
