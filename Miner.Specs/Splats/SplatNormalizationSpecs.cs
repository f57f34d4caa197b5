using Miner.Models.Splats;

namespace Miner.Specs.Splats;

public sealed class SplatNormalizationSpecs
{
    private static GaussianCloud WithLogits(params float[] logits)
    {
        var cloud = new GaussianCloud(logits.Length, 0);
        logits.CopyTo(cloud.Opacities, 0);
        return cloud;
    }

    [Fact]
    public void A_cloud_with_a_healthy_mean_opacity_logit_is_left_alone()
    {
        var cloud = WithLogits(1f, 5f, 3f);
        var result = OpacityNormalizer.Normalize(cloud);
        Assert.False(result.Applied);
        Assert.Equal([1f, 5f, 3f], cloud.Opacities);
        Assert.Contains("inside the healthy range", result.Reason);
    }

    [Fact]
    public void A_cloud_below_the_healthy_range_is_shifted_to_the_target_mean()
    {
        var cloud = WithLogits(-1f, 0f, 1f);
        var result = OpacityNormalizer.Normalize(cloud);
        Assert.True(result.Applied);
        Assert.Equal(4, result.Shift);
        Assert.Equal([3f, 4f, 5f], cloud.Opacities);
        Assert.Equal(4, result.MeanAfter);
        Assert.Contains("below", result.Reason);
    }

    [Fact]
    public void A_cloud_above_the_healthy_range_is_shifted_down()
    {
        var cloud = WithLogits(9f, 11f);
        var result = OpacityNormalizer.Normalize(cloud, new SplatNormalizationOptions { TargetOpacityLogitMean = 5f });
        Assert.Equal(-5, result.Shift);
        Assert.Equal([4f, 6f], cloud.Opacities);
        Assert.Contains("above", result.Reason);
    }

    [Fact]
    public void Infinite_logits_are_neither_counted_in_the_mean_nor_moved()
    {
        var cloud = WithLogits(0f, float.PositiveInfinity, float.NegativeInfinity);
        var result = OpacityNormalizer.Normalize(cloud);
        Assert.Equal(0, result.MeanBefore);
        Assert.Equal([4f, float.PositiveInfinity, float.NegativeInfinity], cloud.Opacities);
    }

    [Fact]
    public void Disabled_opacity_normalisation_reports_and_changes_nothing()
    {
        var cloud = WithLogits(-3f);
        var result = OpacityNormalizer.Normalize(cloud, new SplatNormalizationOptions { NormalizeOpacity = false });
        Assert.False(result.Applied);
        Assert.Equal(-3f, cloud.Opacities[0]);
    }

    [Fact]
    public void Geometry_is_centred_per_axis_and_scaled_to_the_target_extent()
    {
        var cloud = new GaussianCloud(2, 0);
        new float[] { 1, 10, -4, 3, 14, -2 }.CopyTo(cloud.Positions, 0);
        var result = GeometryNormalizer.Normalize(cloud);
        // extents (2, 4, 2), means (2, 12, -3): scale 1.5 / 4
        Assert.Equal(0.375f, result.Scale);
        Assert.Equal([-0.375f, -0.75f, -0.375f, 0.375f, 0.75f, 0.375f], cloud.Positions);
        Assert.Equal(1.5f, result.ExtentAfter);
        var stats = CloudStatistics.Compute(cloud);
        Assert.Equal(0, stats.ScalarMean, 6);
    }

    [Fact]
    public void Geometry_scaling_adds_the_log_of_the_factor_to_the_log_scales_and_leaves_opacity()
    {
        var cloud = new GaussianCloud(2, 0);
        new float[] { 0, 0, 0, 3, 0, 0 }.CopyTo(cloud.Positions, 0);
        cloud.Scales.AsSpan().Fill(-5f);
        cloud.Opacities.AsSpan().Fill(2.5f);
        GeometryNormalizer.Normalize(cloud);
        Assert.All(cloud.Scales, s => Assert.Equal(-5f + MathF.Log(0.5f), s, 6));
        Assert.All(cloud.Opacities, o => Assert.Equal(2.5f, o));
    }

    [Fact]
    public void Centring_on_the_bounding_box_middle_is_an_option()
    {
        var cloud = new GaussianCloud(3, 0);
        new float[] { 0, 0, 0, 0, 0, 0, 3, 0, 0 }.CopyTo(cloud.Positions, 0);
        GeometryNormalizer.Normalize(cloud, new SplatNormalizationOptions { CentreOnMean = false, TargetExtent = 3 });
        Assert.Equal([-1.5f, 0, 0, -1.5f, 0, 0, 1.5f, 0, 0], cloud.Positions);
    }

    [Fact]
    public void A_degenerate_bounding_box_is_reported_and_left_alone()
    {
        var cloud = new GaussianCloud(3, 0);
        cloud.Positions.AsSpan().Fill(0.5f);
        var result = GeometryNormalizer.Normalize(cloud);
        Assert.False(result.Applied);
        Assert.Contains("degenerate", result.Reason);
        Assert.All(cloud.Positions, p => Assert.Equal(0.5f, p));
    }

    [Fact]
    public void The_trellis_frame_rotation_turns_positions_and_rotations_180_degrees_about_x()
    {
        var cloud = new GaussianCloud(1, 0);
        new float[] { 1, 2, 3 }.CopyTo(cloud.Positions, 0);
        new float[] { 0.5f, 0.5f, 0.5f, 0.5f }.CopyTo(cloud.Rotations, 0);
        GeometryNormalizer.RotateAboutX(cloud);
        Assert.Equal([1f, -2f, -3f], cloud.Positions);
        Assert.Equal([0.5f, 0.5f, -0.5f, -0.5f], cloud.Rotations);
    }

    [Fact]
    public void The_trellis_frame_rotation_flips_sh_signs_by_band_and_order()
    {
        var cloud = new GaussianCloud(1, 3);
        cloud.ShRest.AsSpan().Fill(1f);
        GeometryNormalizer.RotateAboutX(cloud);
        float[] perChannel = [-1, -1, 1, -1, 1, 1, -1, 1, -1, 1, -1, -1, 1, -1, 1];
        Assert.Equal(perChannel.Concat(perChannel).Concat(perChannel), cloud.ShRest);
    }

    [Fact]
    public void The_trellis_frame_rotation_preserves_each_splat_covariance_mapped_by_the_flip()
    {
        var cloud = SplatSamples.RandomCloud(50);
        var before = cloud.Clone();
        GeometryNormalizer.RotateAboutX(cloud);
        for (var i = 0; i < cloud.Count; i++)
        {
            var r0 = System.Numerics.Matrix4x4.CreateFromQuaternion(before.NormalizedRotation(i));
            var r1 = System.Numerics.Matrix4x4.CreateFromQuaternion(cloud.NormalizedRotation(i));
            var flip = System.Numerics.Matrix4x4.CreateScale(1, -1, -1);
            // conjugation by the flip: R' = F R F, so R' applied to F v equals F (R v)
            var v = new System.Numerics.Vector3(0.3f, -0.7f, 0.2f);
            var expected = System.Numerics.Vector3.Transform(System.Numerics.Vector3.Transform(v, r0), flip);
            var actual = System.Numerics.Vector3.Transform(System.Numerics.Vector3.Transform(v, flip), r1);
            Assert.True((expected - actual).Length() < 1e-5f, $"splat {i}: {expected} vs {actual}");
        }
    }
}
