using Miner.Models.Rendering;
using Miner.Models.Splats;
using Miner.Specs.TestKit;

namespace Miner.Specs.Rendering;

/// <summary>The quirks of the validator's transform_gs_data (splat-contract 5.2).</summary>
public sealed class ValidatorNormalizationSpecs
{
    private static GaussianCloud Cloud(params (float X, float Y, float Z)[] points)
    {
        var cloud = new GaussianCloud(points.Length, 0);
        for (var i = 0; i < points.Length; i++)
        {
            cloud.Positions[3 * i] = points[i].X;
            cloud.Positions[3 * i + 1] = points[i].Y;
            cloud.Positions[3 * i + 2] = points[i].Z;
            cloud.Rotations[4 * i] = 1;
        }
        return cloud;
    }

    [Fact]
    public void One_scalar_mean_of_all_coordinates_is_subtracted_from_every_axis()
    {
        // Per-axis means 0.5, 10.5, 0.5; the scalar mean is 23/6; largest extent 1 -> s = 1.5.
        var cloud = Cloud((0, 10, 0), (1, 11, 1));
        var result = ValidatorNormalization.Apply(cloud, 1.5);
        var m = 23.0 / 6.0;
        Assert.Equal(m, result.ScalarMean, 5);
        Assert.Equal((0 - m) * 1.5, result.Positions[0], 4);
        Assert.Equal((10 - m) * 1.5, result.Positions[1], 4);
        Assert.Equal((1 - m) * 1.5, result.Positions[5], 4);
    }

    [Fact]
    public void The_largest_extent_is_scaled_to_the_reference_size_and_scales_follow()
    {
        var cloud = Cloud((0, 0, 0), (3, 1, 0.5f));
        cloud.Scales[0] = MathF.Log(0.2f);
        var result = ValidatorNormalization.Apply(cloud, 1.5);
        Assert.Equal(0.5, result.ScaleFactor, 12);
        Assert.Equal(1.5, result.Positions[3] - result.Positions[0], 5);
        Assert.Equal(0.1, result.Scales[0], 5);
    }

    [Fact]
    public void Opacities_are_divided_by_the_scale_factor_and_clipped()
    {
        // Extent 3 -> s = 0.5: opacity doubles; 0.8 becomes 1 after clipping, 0.25 becomes 0.5.
        var cloud = Cloud((0, 0, 0), (3, 0, 0));
        cloud.Opacities[0] = MathF.Log(0.8f / 0.2f);
        cloud.Opacities[1] = MathF.Log(0.25f / 0.75f);
        var result = ValidatorNormalization.Apply(cloud, 1.5);
        Assert.Equal(1f, result.Opacities[0]);
        Assert.Equal(0.5, result.Opacities[1], 5);
    }

    [Fact]
    public void A_smaller_object_gets_its_opacities_reduced()
    {
        // Extent 0.75 -> s = 2: opacity halves.
        var cloud = Cloud((0, 0, 0), (0.75f, 0, 0));
        cloud.Opacities[0] = 0; // alpha 0.5
        Assert.Equal(0.25, ValidatorNormalization.Apply(cloud, 1.5).Opacities[0], 6);
    }

    [Fact]
    public void Colours_are_the_unclamped_sh_dc_activation_and_rotations_are_unit()
    {
        var cloud = Cloud((0, 0, 0), (1, 0, 0));
        cloud.ShDc[0] = 3f;
        cloud.ShDc[1] = -3f;
        cloud.Rotations[4] = 2;
        cloud.Rotations[5] = 2;
        var result = ValidatorNormalization.Apply(cloud, 1.5);
        Assert.Equal(0.5 + 3 * GaussianCloud.ShC0, result.Colors[0], 6);
        Assert.Equal(0.5 - 3 * GaussianCloud.ShC0, result.Colors[1], 6);
        Assert.Equal(MathF.Sqrt(0.5f), result.Rotations[4], 6);
        Assert.Equal(MathF.Sqrt(0.5f), result.Rotations[5], 6);
    }

    [Fact]
    public void A_cloud_with_zero_extent_is_refused_as_the_validator_divides_by_zero()
    {
        Assert.Throws<InvalidOperationException>(() => ValidatorNormalization.Apply(Cloud((1, 1, 1), (1, 1, 1))));
    }

    [FixtureFact]
    public void Hamburger_at_reference_size_1_gives_the_worked_scale_and_scalar_mean()
    {
        using var stream = File.OpenRead(SharedFixtures.Path("splats", "hamburger.ply"));
        var cloud = PlyReader.Read(stream);
        Assert.Equal(1.003921568627451, ValidatorNormalization.ScaleFactor(cloud, 1.0), 12);
        Assert.Equal(-0.02325413943526664, ValidatorNormalization.ScalarMean(cloud), 7);
    }
}
