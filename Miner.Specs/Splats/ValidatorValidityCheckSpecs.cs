using Miner.Models.Splats;
using Miner.Specs.TestKit;

namespace Miner.Specs.Splats;

public sealed class ValidatorValidityCheckSpecs
{
    /// <summary>11,000 splats as in the upstream unit test, spread out and opaque, with varied rotations.</summary>
    private static GaussianCloud Healthy(int count = 11_000)
    {
        var cloud = SplatSamples.RandomCloud(count, seed: 4);
        for (var i = 0; i < count; i++) cloud.Opacities[i] = MathF.Abs(cloud.Opacities[i]);
        return cloud;
    }

    private static ValidityCheck[] Failed(GaussianCloud cloud) => ValidatorValidityCheck.Check(cloud).Failures.Select(f => f.Check).ToArray();

    [Fact]
    public void A_healthy_cloud_passes() => Assert.True(ValidatorValidityCheck.Check(Healthy()).IsValid);

    [Theory]
    [InlineData(6999, false)]
    [InlineData(7000, true)]
    public void Fewer_than_7000_gaussians_fail_and_7000_pass(int count, bool valid)
    {
        var verdict = ValidatorValidityCheck.Check(Healthy(count));
        Assert.Equal(valid, verdict.IsValid);
        if (!valid) Assert.Equal(6999, Assert.Single(verdict.Failures).Observed);
    }

    [Theory]
    [InlineData(0, true)]
    [InlineData(2, true)]
    [InlineData(3, false)]
    public void Only_one_of_the_first_three_splats_at_one_one_one_fails(int splat, bool rejected)
    {
        var cloud = Healthy();
        cloud.Positions.AsSpan(3 * splat, 3).Fill(1f + 5e-6f);
        Assert.Equal(rejected ? [ValidityCheck.CentroidAtOnes] : [], Failed(cloud));
    }

    [Theory]
    [InlineData(0.0, true)]
    [InlineData(0.45, true)]
    [InlineData(0.80, true)]
    [InlineData(0.82, false)]
    [InlineData(1.0, false)]
    public void More_than_80_percent_of_alphas_below_1e_3_fail(double share, bool valid)
    {
        var cloud = Healthy(10_000);
        var transparent = (int)(share * cloud.Count);
        cloud.Opacities.AsSpan(0, transparent).Fill(-7f);
        Assert.Equal(valid, !Failed(cloud).Contains(ValidityCheck.ZeroOpacity));
    }

    [Fact]
    public void The_opacity_failure_reports_the_percentage_and_the_limit()
    {
        var cloud = Healthy(10_000);
        cloud.Opacities.AsSpan().Fill(float.NegativeInfinity);
        var failure = Assert.Single(ValidatorValidityCheck.Check(cloud).Failures);
        Assert.Equal(100, failure.Observed);
        Assert.Equal(80, failure.Limit);
        Assert.Contains("100 %", failure.Detail);
    }

    [Fact]
    public void Identity_rotations_everywhere_fail_but_one_other_rotation_passes()
    {
        var cloud = Healthy();
        for (var i = 0; i < cloud.Count; i++) new[] { 2f, 0f, 0f, 0f }.CopyTo(cloud.Rotations, 4 * i);
        Assert.Equal([ValidityCheck.IdentityRotations], Failed(cloud));
        cloud.Rotations[4 * 500 + 2] = 0.1f;
        Assert.Empty(Failed(cloud));
    }

    [Fact]
    public void Zero_quaternions_everywhere_pass_as_upstream_expects()
    {
        var cloud = Healthy();
        Array.Clear(cloud.Rotations);
        Assert.Empty(Failed(cloud));
    }

    [Fact]
    public void All_zero_scales_pass_as_upstream_expects()
    {
        var cloud = Healthy();
        cloud.Scales.AsSpan().Fill(float.NegativeInfinity);
        Assert.Empty(Failed(cloud));
    }

    [Fact]
    public void The_whole_tensor_scale_flag_fails_only_a_single_splat_cloud()
    {
        var cloud = Healthy(1);
        cloud.Scales.AsSpan().Fill(-5f);
        Assert.Contains(ValidityCheck.SmallScales, Failed(cloud));
        var two = Healthy(2);
        two.Scales.AsSpan().Fill(-5f);
        Assert.DoesNotContain(ValidityCheck.SmallScales, Failed(two));
    }

    [Fact]
    public void A_cloud_collapsed_to_a_point_is_flagged_as_degenerate_bounds()
    {
        var cloud = Healthy();
        cloud.Positions.AsSpan().Fill(0.25f);
        Assert.Equal([ValidityCheck.DegenerateBounds], Failed(cloud));
    }

    [Fact]
    public void Every_failure_is_reported_not_just_the_first()
    {
        var cloud = Healthy(100);
        cloud.Opacities.AsSpan().Fill(-20f);
        cloud.Positions.AsSpan(0, 3).Fill(1f);
        Assert.Equal([ValidityCheck.GaussianCount, ValidityCheck.CentroidAtOnes, ValidityCheck.ZeroOpacity], Failed(cloud));
    }

    [Fact]
    public void Checked_as_submitted_alpha_below_byte_1_counts_as_zero_opacity()
    {
        // logit -6.2 has alpha 0.00202 (passes as is) but packs to alpha byte 1 -> 1/255 = 0.0039: still passes;
        // logit -6.3 packs to byte 0 -> alpha 0 after SPZ
        var cloud = Healthy(10_000);
        cloud.Opacities.AsSpan(0, 9_000).Fill(-6.3f);
        Assert.Contains(ValidityCheck.ZeroOpacity, ValidatorValidityCheck.CheckAsSubmitted(cloud).Failures.Select(f => f.Check));
        cloud.Opacities.AsSpan(0, 9_000).Fill(-6.2f);
        Assert.True(ValidatorValidityCheck.CheckAsSubmitted(cloud).IsValid);
    }

    [FixtureFact]
    public void The_fixtures_pass_the_validator_checks()
    {
        Assert.True(ValidatorValidityCheck.CheckAsSubmitted(PlyReader.ReadFile(SharedFixtures.Path("splats", "hamburger.ply"))).IsValid);
        Assert.True(ValidatorValidityCheck.Check(SpzReader.ReadFile(SharedFixtures.Path("splats", "robocop.spz")).Cloud).IsValid);
        Assert.True(ValidatorValidityCheck.Check(SplatFile.Load(SharedFixtures.Path("splats", "monkey.encoded.ply")).Cloud).IsValid);
    }
}
