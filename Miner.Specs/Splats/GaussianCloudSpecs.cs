using System.Numerics;
using Miner.Models.Splats;

namespace Miner.Specs.Splats;

public sealed class GaussianCloudSpecs
{
    [Theory]
    [InlineData(float.PositiveInfinity, 1f)]
    [InlineData(float.NegativeInfinity, 0f)]
    [InlineData(0f, 0.5f)]
    [InlineData(-200f, 0f)]
    public void Alpha_is_the_sigmoid_of_the_logit_with_infinities_at_the_ends(float logit, float alpha)
    {
        var cloud = new GaussianCloud(1, 0);
        cloud.Opacities[0] = logit;
        Assert.Equal(alpha, cloud.Alpha(0));
    }

    [Fact]
    public void Colour_is_half_plus_c0_times_f_dc_unclamped()
    {
        var cloud = new GaussianCloud(1, 0);
        new[] { 0f, 1f, 10f }.CopyTo(cloud.ShDc, 0);
        Assert.Equal(new Vector3(0.5f, 0.5f + GaussianCloud.ShC0, 0.5f + 10 * GaussianCloud.ShC0), cloud.Rgb(0));
    }

    [Fact]
    public void Linear_scale_is_the_exponential_of_the_log_scale()
    {
        var cloud = new GaussianCloud(1, 0);
        new[] { 0f, MathF.Log(2f), float.NegativeInfinity }.CopyTo(cloud.Scales, 0);
        Assert.Equal(new Vector3(1f, 2f, 0f), cloud.LinearScale(0));
    }

    [Fact]
    public void The_rotation_is_normalised_from_w_x_y_z_and_a_zero_quaternion_stays_zero()
    {
        var cloud = new GaussianCloud(2, 0);
        new[] { 2f, 0f, 0f, 0f }.CopyTo(cloud.Rotations, 0);
        Assert.Equal(Quaternion.Identity, cloud.NormalizedRotation(0));
        Assert.Equal(new Quaternion(0, 0, 0, 0), cloud.NormalizedRotation(1));
    }

    [Fact]
    public void Sh_rest_holds_three_times_the_coefficients_of_the_degree()
    {
        Assert.Equal([0, 9, 24, 45], Enumerable.Range(0, 4).Select(d => new GaussianCloud(1, d).ShRestPerSplat));
        Assert.Equal([0, 1, 2, 3, null], new[] { 0, 9, 24, 45, 12 }.Select(GaussianCloud.DegreeForShRestCount));
    }

    [Fact]
    public void A_clone_shares_no_array_with_the_original()
    {
        var cloud = SplatSamples.RandomCloud(5, shDegree: 1);
        var copy = cloud.Clone();
        copy.ShRest[3] = 42f;
        copy.Opacities[0] = 42f;
        Assert.NotEqual(42f, cloud.ShRest[3]);
        Assert.NotEqual(42f, cloud.Opacities[0]);
        Assert.Equal(cloud.Rotations, copy.Rotations);
    }
}
