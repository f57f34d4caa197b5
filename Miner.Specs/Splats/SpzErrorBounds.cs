using Miner.Models.Splats;

namespace Miner.Specs.Splats;

/// <summary>The contract's section 3.4 round-trip error bounds for a v2 SPZ, per attribute (SH corrected, see below).</summary>
internal static class SpzErrorBounds
{
    public static void AssertWithin(GaussianCloud original, GaussianCloud decoded)
    {
        Assert.Equal(original.Count, decoded.Count);
        Assert.Equal(original.ShDegree, decoded.ShDegree);
        for (var k = 0; k < original.Positions.Length; k++)
            Assert.InRange(MathF.Abs(original.Positions[k] - decoded.Positions[k]), 0, 0.5f / 4096);
        for (var i = 0; i < original.Count; i++)
            Assert.InRange(MathF.Abs(original.Alpha(i) - decoded.Alpha(i)), 0, 1 / 510f + 1e-6f);
        for (var k = 0; k < original.ShDc.Length; k++)
            if (MathF.Abs(original.ShDc[k]) < 3.33f)
                Assert.InRange(MathF.Abs(original.ShDc[k] - decoded.ShDc[k]), 0, 0.5f / 38.25f + 1e-5f);
        for (var k = 0; k < original.Scales.Length; k++)
            if (original.Scales[k] is > -10f and < 5.9f)
                Assert.InRange(MathF.Abs(original.Scales[k] - decoded.Scales[k]), 0, 1 / 32f + 1e-6f);
        for (var i = 0; i < original.Count; i++)
        {
            var q = original.NormalizedRotation(i);
            var sign = q.W < 0 ? -1f : 1f;
            Assert.True(decoded.Rotations[4 * i] >= 0);
            Assert.InRange(MathF.Abs(sign * q.X - decoded.Rotations[4 * i + 1]), 0, 0.5f / 127.5f + 1e-5f);
            Assert.InRange(MathF.Abs(sign * q.Y - decoded.Rotations[4 * i + 2]), 0, 0.5f / 127.5f + 1e-5f);
            Assert.InRange(MathF.Abs(sign * q.Z - decoded.Rotations[4 * i + 3]), 0, 0.5f / 127.5f + 1e-5f);
        }
        var perChannel = original.ShRestPerChannel;
        for (var i = 0; i < original.Count; i++)
            for (var c = 0; c < 3; c++)
                for (var j = 0; j < perChannel; j++)
                {
                    var k = original.ShRestPerSplat * i + c * perChannel + j;
                    // round(v * 128) then snapping to a bucket: (bucket / 2 + 0.5) / 128, a little over the contract's table
                    var bound = j < 3 ? 4.5f / 128 : 8.5f / 128;
                    if (MathF.Abs(original.ShRest[k]) < 0.99f - bound)
                        Assert.InRange(MathF.Abs(original.ShRest[k] - decoded.ShRest[k]), 0, bound + 1e-6f);
                }
    }
}
