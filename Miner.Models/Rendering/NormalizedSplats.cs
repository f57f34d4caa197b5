namespace Miner.Models.Rendering;

/// <summary>
/// A cloud after the validator's <c>transform_gs_data</c> (splat-contract 5.2), in the activated domain the rasteriser
/// consumes: positions, linear scales, opacities in [0, 1], unit quaternions (w, x, y, z) and unclamped RGB colours
/// (0.5 + C0 f_dc). Flat arrays, 3 or 4 values per splat.
/// </summary>
public sealed class NormalizedSplats
{
    public NormalizedSplats(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        Count = count;
        Positions = new float[checked(3 * count)];
        Scales = new float[3 * count];
        Opacities = new float[count];
        Rotations = new float[checked(4 * count)];
        Colors = new float[3 * count];
    }

    public int Count { get; }

    public float[] Positions { get; }

    /// <summary>Linear per-axis standard deviations.</summary>
    public float[] Scales { get; }

    /// <summary>Activated opacities, already divided by the scale factor and clipped to [0, 1].</summary>
    public float[] Opacities { get; }

    /// <summary>Unit quaternions w, x, y, z.</summary>
    public float[] Rotations { get; }

    /// <summary>Unclamped RGB colours 0.5 + C0 f_dc.</summary>
    public float[] Colors { get; }

    /// <summary>The scale factor s = reference size / largest extent that was applied.</summary>
    public double ScaleFactor { get; init; } = 1.0;

    /// <summary>The scalar mean m of all 3N coordinates that was subtracted.</summary>
    public double ScalarMean { get; init; }
}
