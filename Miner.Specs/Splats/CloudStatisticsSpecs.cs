using System.Numerics;
using Miner.Models.Splats;
using Miner.Specs.TestKit;

namespace Miner.Specs.Splats;

public sealed class CloudStatisticsSpecs
{
    [Fact]
    public void Bounds_and_means_cover_the_finite_positions_only()
    {
        var cloud = new GaussianCloud(3, 0);
        new float[] { 0, 0, 0, 2, 4, -6, float.NaN, 100, 100 }.CopyTo(cloud.Positions, 0);
        var stats = CloudStatistics.Compute(cloud);
        Assert.Equal(new Vector3(0, 0, -6), stats.BoundsMin);
        Assert.Equal(new Vector3(2, 4, 0), stats.BoundsMax);
        Assert.Equal(new Vector3(1, 2, -3), stats.Mean);
        Assert.Equal(6, stats.MaxExtent);
        Assert.Equal(1, stats.NonFinitePositions);
        Assert.Equal(1, stats.NanValues);
    }

    [Fact]
    public void The_scalar_mean_is_the_mean_of_all_coordinates_together_as_the_validator_takes_it()
    {
        var cloud = new GaussianCloud(2, 0);
        new float[] { 1, 2, 3, 4, 5, 6 }.CopyTo(cloud.Positions, 0);
        Assert.Equal(3.5, CloudStatistics.Compute(cloud).ScalarMean);
    }

    [Fact]
    public void The_opacity_logit_mean_and_deviation_skip_infinite_logits_and_count_them()
    {
        var cloud = new GaussianCloud(5, 0);
        new[] { 1f, 3f, float.PositiveInfinity, float.PositiveInfinity, float.NegativeInfinity }.CopyTo(cloud.Opacities, 0);
        var stats = CloudStatistics.Compute(cloud);
        Assert.Equal(2, stats.OpacityLogitMean);
        Assert.Equal(1, stats.OpacityLogitStdDev, 12);
        Assert.Equal(2, stats.PositiveInfiniteLogits);
        Assert.Equal(1, stats.NegativeInfiniteLogits);
        Assert.Equal(3, stats.InfiniteValues);
    }

    [Fact]
    public void Alpha_shares_use_the_activated_opacity()
    {
        var cloud = new GaussianCloud(4, 0);
        // alpha 0 (-inf), ~0.002 (between 1e-3 and 1/255), 0.5, 1
        new[] { float.NegativeInfinity, -6.2f, 0f, float.PositiveInfinity }.CopyTo(cloud.Opacities, 0);
        var stats = CloudStatistics.Compute(cloud);
        Assert.Equal(0.25, stats.ShareAlphaBelow1e3);
        Assert.Equal(0.5, stats.ShareAlphaBelow1Over255);
    }

    [Fact]
    public void Scale_percentiles_are_of_the_linear_scales()
    {
        var cloud = new GaussianCloud(101, 0);
        for (var i = 0; i < cloud.Scales.Length; i++) cloud.Scales[i] = MathF.Log(0.001f * (1 + i % 101));
        var percentiles = CloudStatistics.Compute(cloud).LinearScales;
        Assert.Equal(0.051, percentiles.P50, 4);
        Assert.Equal(0.002, percentiles.P1, 4);
        Assert.Equal(0.1, percentiles.P99, 4);
    }

    [Theory]
    [InlineData(149_999, DensityBucket.Sparse)]
    [InlineData(150_000, DensityBucket.Medium)]
    [InlineData(400_000, DensityBucket.Medium)]
    [InlineData(400_001, DensityBucket.Dense)]
    public void The_density_bucket_follows_the_gaussian_count(int count, DensityBucket expected) =>
        Assert.Equal(expected, CloudStatistics.Compute(new GaussianCloud(count, 0)).Density);

    [FixtureFact]
    public void Hamburger_statistics_match_its_readme()
    {
        var stats = CloudStatistics.Compute(PlyReader.ReadFile(SharedFixtures.Path("splats", "hamburger.ply")));
        Assert.Equal(52_709, stats.Count);
        Assert.Equal(0.9961, stats.MaxExtent, 4);
        Assert.Equal(0, stats.ShareAlphaBelow1e3);
        Assert.Equal(DensityBucket.Sparse, stats.Density);
        Assert.Equal(-0.02325413943526664, stats.ScalarMean, 5);
    }
}
