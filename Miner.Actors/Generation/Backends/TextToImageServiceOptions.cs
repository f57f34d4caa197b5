namespace Miner.Actors.Generation;

/// <summary>The text-to-image service of a card (SD3.5 Large Turbo, FLUX.1-schnell) and what it is asked for.</summary>
public sealed class TextToImageServiceOptions : BackendServiceOptions
{
    public string NegativePrompt { get; set; } = "";

    public int Width { get; set; } = 1024;

    public int Height { get; set; } = 1024;

    public int Steps { get; set; } = 4;

    public override IEnumerable<(string Key, string Problem)> Problems(bool fallbackAvailable)
    {
        foreach (var problem in base.Problems(fallbackAvailable)) yield return problem;
        if (Width is < 64 or > 4096) yield return ("width", $"must be within 64..4096, not {Width}");
        if (Height is < 64 or > 4096) yield return ("height", $"must be within 64..4096, not {Height}");
        if (Steps < 1) yield return ("steps", $"must be 1 or more, not {Steps}");
    }
}
