namespace Miner.Actors.Generation;

/// <summary>The stage actors' names under a GPU card, also used in <see cref="StageTiming.Stage"/> and logs.</summary>
public static class StageNames
{
    public const string Image = "image";
    public const string Mask = "mask";
    public const string Trellis = "trellis";
    public const string PlyWrite = "ply";
    public const string Decode = "decode";

    /// <summary>The monolithic layout's prompt-to-3D call.</summary>
    public const string Generate = "generate";
}
