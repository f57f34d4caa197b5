using System.Numerics;

namespace Miner.Models.Splats;

/// <summary>Bounding box and per-axis mean of the finite positions (zero box when there are none).</summary>
internal readonly record struct PositionBounds(Vector3 Min, Vector3 Max, Vector3 Mean, int FinitePositions)
{
    public float MaxExtent => MathF.Max(Max.X - Min.X, MathF.Max(Max.Y - Min.Y, Max.Z - Min.Z));

    public static PositionBounds Of(GaussianCloud cloud)
    {
        var min = new Vector3(float.PositiveInfinity);
        var max = new Vector3(float.NegativeInfinity);
        double sx = 0, sy = 0, sz = 0;
        var finite = 0;
        for (var i = 0; i < cloud.Count; i++)
        {
            var p = cloud.Position(i);
            if (!float.IsFinite(p.X) || !float.IsFinite(p.Y) || !float.IsFinite(p.Z)) continue;
            finite++;
            min = Vector3.Min(min, p);
            max = Vector3.Max(max, p);
            sx += p.X;
            sy += p.Y;
            sz += p.Z;
        }
        if (finite == 0) return new PositionBounds(Vector3.Zero, Vector3.Zero, Vector3.Zero, 0);
        return new PositionBounds(min, max, new Vector3((float)(sx / finite), (float)(sy / finite), (float)(sz / finite)), finite);
    }
}
