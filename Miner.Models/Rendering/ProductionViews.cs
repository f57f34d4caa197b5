namespace Miner.Models.Rendering;

/// <summary>The validator's 16 production cameras (splat-contract 5.1) and the grid-preview view indices (5.6).</summary>
public static class ProductionViews
{
    public const int Count = 16;
    public const int ImageSize = 518;
    public const double PhiDegrees = -15.0;
    public const double Radius = 2.5;

    /// <summary>Views pasted into the 2 x 2 grid preview: theta 24, 120, 216, 312.</summary>
    public static IReadOnlyList<int> GridViews { get; } = [1, 5, 9, 13];

    /// <summary>theta = linspace(0, 360, 16): view 15 is 360 degrees, the same camera as view 0.</summary>
    public static double ThetaDegrees(int view)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(view);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(view, Count);
        return view == Count - 1 ? 360.0 : view * (360.0 / (Count - 1));
    }

    public static OrbitCamera Camera(int view) =>
        new(ThetaDegrees(view), PhiDegrees, Radius, ImageSize, ImageSize);

    public static IReadOnlyList<OrbitCamera> All() => Enumerable.Range(0, Count).Select(Camera).ToArray();
}
