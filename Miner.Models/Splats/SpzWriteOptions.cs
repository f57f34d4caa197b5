using Miner.Models.Configuration.Rules;

namespace Miner.Models.Splats;

/// <summary>zstd settings for writing the subnet's SPZ.</summary>
public sealed class SpzWriteOptions
{
    /// <summary>zstd level: 1 (pyspz's default, the fastest) to 22 (zstd's highest).</summary>
    [Between(1, 22)]
    public int CompressionLevel { get; set; } = 1;

    /// <summary>zstd nbWorkers: 0 = single-threaded (what pyspz's workers=-1 amounts to), n &gt;= 1 = n worker threads.</summary>
    [NotNegative(Max = "200")] // zstd's own cap on worker threads
    public int Workers { get; set; }
}
