namespace Miner.Models.Splats;

public enum SplatFileKind
{
    Ply,

    /// <summary>The subnet's SPZ (zstd frame).</summary>
    Spz,

    /// <summary>Niantic's gzip SPZ, read for interop.</summary>
    NianticSpz,
}
