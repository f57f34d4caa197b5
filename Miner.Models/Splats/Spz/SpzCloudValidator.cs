namespace Miner.Models.Splats;

/// <summary>
/// Finds values the fork's packer would turn into garbage (its float-to-int casts are undefined for NaN and
/// out-of-range values), so the writer can refuse them with the splat and attribute named.
/// </summary>
internal static class SpzCloudValidator
{
    public static void ThrowIfUnpackable(GaussianCloud cloud, int threads)
    {
        var gate = new object();
        (int Splat, string Problem)? first = null;
        SplatThreads.For(cloud.Count, threads, 65_536, (from, to) =>
        {
            var found = FirstProblem(cloud, from, to);
            if (found is null) return;
            lock (gate)
                if (first is null || found.Value.Splat < first.Value.Splat) first = found;
        });
        if (first is { } problem)
            throw new ArgumentException($"splat {problem.Splat} cannot be packed as SPZ: {problem.Problem}", nameof(cloud));
    }

    private static (int Splat, string Problem)? FirstProblem(GaussianCloud cloud, int from, int to)
    {
        var rest = cloud.ShRestPerSplat;
        for (var i = from; i < to; i++)
        {
            for (var k = 0; k < 3; k++)
            {
                var p = cloud.Positions[3 * i + k];
                if (!float.IsFinite(p)) return (i, $"position {"xyz"[k]} is {p}");
                if (!SpzPacker.FitsFixedPoint(p)) return (i, $"position {"xyz"[k]} = {p} is outside the 24-bit range [-2048, 2048)");
                if (float.IsNaN(cloud.ShDc[3 * i + k])) return (i, $"f_dc_{k} is NaN");
                if (float.IsNaN(cloud.Scales[3 * i + k])) return (i, $"scale_{k} is NaN");
            }
            if (float.IsNaN(cloud.Opacities[i])) return (i, "opacity is NaN");
            for (var k = 0; k < 4; k++)
                if (!float.IsFinite(cloud.Rotations[4 * i + k])) return (i, $"rot_{k} is {cloud.Rotations[4 * i + k]}");
            for (var k = 0; k < rest; k++)
                if (float.IsNaN(cloud.ShRest[rest * i + k])) return (i, $"f_rest_{k} is NaN");
        }
        return null;
    }
}
