namespace Miner.Host.Devnet;

/// <summary>What tasks the devnet hands out (HOCON <c>devnet.tasks { }</c>).</summary>
public sealed class DevnetTaskOptions
{
    /// <summary>Share of text tasks; the rest are image tasks of procedural objects.</summary>
    public double TextShare { get; set; } = 0.6;

    /// <summary>Side of an image prompt in pixels.</summary>
    public int ImageSize { get; set; } = 512;

    /// <summary>Share of image prompts with a transparent background; the rest get a plain light colour.</summary>
    public double TransparentShare { get; set; } = 0.5;

    /// <summary>Gaussians per procedural object (the reference cloud an image prompt is rendered from).</summary>
    public int ObjectGaussians { get; set; } = 20_000;

    public void Validate()
    {
        if (TextShare is < 0 or > 1 || double.IsNaN(TextShare)) throw new ArgumentException("devnet.tasks.text-share must lie in 0..1");
        if (ImageSize is < 64 or > 2048) throw new ArgumentException("devnet.tasks.image-size must lie in 64..2048");
        if (TransparentShare is < 0 or > 1 || double.IsNaN(TransparentShare)) throw new ArgumentException("devnet.tasks.transparent-share must lie in 0..1");
        if (ObjectGaussians is < 1000 or > 1_000_000) throw new ArgumentException("devnet.tasks.object-gaussians must lie in 1000..1000000");
    }
}
