namespace Miner.Models.Splats;

/// <summary>How an SPZ file wraps its payload.</summary>
public enum SpzContainer
{
    /// <summary>The subnet's format: one zstd frame around a v1/v2 payload (what the validator accepts).</summary>
    Zstd,

    /// <summary>Niantic's upstream v1-v3: a gzip stream (read for interop only; the validator rejects it).</summary>
    NianticGzip,
}
