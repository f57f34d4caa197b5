using Miner.Models.Configuration.Rules;

namespace Miner.Models.Splats;

/// <summary>Limits applied to untrusted PLY and SPZ input before anything large is allocated.</summary>
public sealed class SplatReadOptions
{
    /// <summary>Largest gaussian count accepted (the subnet's pyspz refuses more than 10,000,000).</summary>
    [Between(1, 10_000_000)]
    public int MaxGaussians { get; set; } = 10_000_000;

    /// <summary>A PLY header that has not ended after this many bytes is rejected.</summary>
    [Between(256, 16_777_216)]
    public int MaxPlyHeaderBytes { get; set; } = 65_536;
}
