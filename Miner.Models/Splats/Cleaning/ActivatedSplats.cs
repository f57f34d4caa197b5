namespace Miner.Models.Splats;

/// <summary>
/// What an image-to-3D backend returns, in the activated domain: positions, colours (RGB or SH DC), alpha in
/// 0..1, positive linear scales, quaternions w, x, y, z (any norm) and optional higher SH bands (channel-major).
/// </summary>
public sealed class ActivatedSplats
{
    public ActivatedSplats(int count, int shDegree = 0, ColourEncoding colours = ColourEncoding.Rgb)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        Count = count;
        ShDegree = shDegree;
        ColourEncoding = colours;
        Positions = new float[checked(3 * count)];
        Colours = new float[3 * count];
        Opacities = new float[count];
        Scales = new float[3 * count];
        Rotations = new float[checked(4 * count)];
        ShRest = new float[checked(3 * GaussianCloud.ShRestPerChannelForDegree(shDegree) * count)];
    }

    public int Count { get; }

    public int ShDegree { get; }

    public ColourEncoding ColourEncoding { get; }

    public float[] Positions { get; }

    public float[] Colours { get; }

    /// <summary>Alpha in 0..1.</summary>
    public float[] Opacities { get; }

    /// <summary>Linear standard deviations, positive.</summary>
    public float[] Scales { get; }

    public float[] Rotations { get; }

    public float[] ShRest { get; }
}
