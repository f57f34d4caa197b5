using Miner.Models.Configuration.Rules;

namespace Miner.Models.Splats;

/// <summary>Limits applied to untrusted PLY and SPZ input before anything large is allocated.</summary>
public sealed class SplatReadOptions
{
    /// <summary>Payload bytes an SPZ may inflate to whatever its compression ratio (a 16 MiB payload is about 880K gaussians at SH0).</summary>
    public const long FreeExpansionBytes = 16L * 1024 * 1024;

    /// <summary>Largest gaussian count accepted (the subnet's pyspz refuses more than 10,000,000).</summary>
    [Between(1, 10_000_000)]
    public int MaxGaussians { get; set; } = 10_000_000;

    /// <summary>A PLY header that has not ended after this many bytes is rejected.</summary>
    [Between(256, 16_777_216)]
    public int MaxPlyHeaderBytes { get; set; } = 65_536;

    /// <summary>
    /// Beyond <see cref="FreeExpansionBytes"/>, an SPZ payload may be at most this many times its file: real clouds
    /// compress about 1.5:1, while zstd's RLE blocks let a few kilobytes claim gigabytes of identical gaussians.
    /// </summary>
    [Between(1, 100_000)]
    public int MaxCompressionRatio { get; set; } = 64;
}
