using Miner.Models.Configuration.Rules;

namespace Miner.Host.Devnet;

/// <summary>What tasks the devnet hands out (HOCON <c>devnet.tasks { }</c>).</summary>
public sealed class DevnetTaskOptions
{
    /// <summary>Share of text tasks; the rest are image tasks of procedural objects.</summary>
    [Between(0, 1)]
    public double TextShare { get; set; } = 0.6;

    /// <summary>Side of an image prompt in pixels.</summary>
    [Between(64, 2048)]
    public int ImageSize { get; set; } = 512;

    /// <summary>Share of image prompts with a transparent background; the rest get a plain light colour.</summary>
    [Between(0, 1)]
    public double TransparentShare { get; set; } = 0.5;

    /// <summary>Gaussians per procedural object (the reference cloud an image prompt is rendered from).</summary>
    [Between(1000, 1_000_000)]
    public int ObjectGaussians { get; set; } = 20_000;

    public void Validate() => SettingRules.ThrowIfInvalid(this, "devnet.tasks");
}
