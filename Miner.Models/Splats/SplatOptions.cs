using Miner.Models.Configuration.Rules;

namespace Miner.Models.Splats;

/// <summary>Every setting of the splat engine (HOCON <c>miner.splats</c>).</summary>
public sealed class SplatOptions
{
    /// <summary>Threads for PLY/SPZ encoding and decoding; 0 means all cores.</summary>
    [NotNegative(Max = "1024")]
    public int Threads { get; set; }

    public SplatReadOptions Read { get; set; } = new();

    public SpzWriteOptions Spz { get; set; } = new();

    public SplatNormalizationOptions Normalization { get; set; } = new();

    public CleanWriteOptions CleanWrite { get; set; } = new();

    public CloudStatisticsOptions Statistics { get; set; } = new();

    public ValidatorCheckOptions ValidatorCheck { get; set; } = new();
}
