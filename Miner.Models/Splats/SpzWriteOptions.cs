namespace Miner.Models.Splats;

/// <summary>zstd settings for writing the subnet's SPZ.</summary>
public sealed class SpzWriteOptions
{
    /// <summary>zstd level, raised to at least 1 as pyspz does; 1 is pyspz's default.</summary>
    public int CompressionLevel { get; set; } = 1;

    /// <summary>zstd nbWorkers: 0 = single-threaded (what pyspz's workers=-1 amounts to), n &gt;= 1 = n worker threads.</summary>
    public int Workers { get; set; }
}
