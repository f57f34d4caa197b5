using Miner.Models.Splats;
using Miner.Models.Validation;
using Miner.Specs.TestKit;

namespace Miner.Specs.Validation;

/// <summary>The self-validation gate's verdicts on synthetic clouds, one failure mode each.</summary>
public sealed class SelfValidationGateSpecs
{
    private static readonly SelfValidationGate Gate = new(new SelfValidationOptions());

    /// <summary>
    /// A normal-distributed ball of splats with random rotations: <paramref name="spread"/> is the position sd,
    /// <paramref name="logScale"/> the log of every scale, <paramref name="opacityLogit"/> every opacity logit.
    /// </summary>
    private static GaussianCloud Blob(int count = 10_000, double spread = 0.3, float logScale = -4f, float opacityLogit = 3f,
        (float X, float Y, float Z) shift = default, int seed = 5)
    {
        var random = new Random(seed);
        var cloud = new GaussianCloud(count, 0);
        for (var i = 0; i < count; i++)
        {
            cloud.Positions[3 * i] = (float)(Normal(random) * spread) + shift.X;
            cloud.Positions[3 * i + 1] = (float)(Normal(random) * spread) + shift.Y;
            cloud.Positions[3 * i + 2] = (float)(Normal(random) * spread) + shift.Z;
            for (var k = 0; k < 3; k++)
            {
                cloud.Scales[3 * i + k] = logScale;
                cloud.ShDc[3 * i + k] = (float)(random.NextDouble() - 0.5);
            }
            cloud.Opacities[i] = opacityLogit;
            for (var k = 0; k < 4; k++) cloud.Rotations[4 * i + k] = (float)(random.NextDouble() * 2 - 1);
        }
        return cloud;
    }

    private static double Normal(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());

    [Fact]
    public void A_good_blob_is_submitted_with_its_figures()
    {
        var verdict = Gate.Evaluate(Blob(), CancellationToken.None);
        Assert.True(verdict.Decision == GateDecision.Submit, verdict.ToString());
        Assert.Empty(verdict.Reasons);
        Assert.Equal(10_000, verdict.Figures["gaussians"]);
        Assert.InRange(verdict.Figures["coverage.mean"], 0.02, 0.5);
        Assert.True(verdict.Figures.ContainsKey("view1.coverage") && verdict.Figures.ContainsKey("view13.coverage"));
        Assert.InRange(verdict.Figures["centre-offset.max"], 0, 0.05);
    }

    [Fact]
    public void Too_few_gaussians_is_a_retry_naming_the_validator_check()
    {
        var verdict = Gate.Evaluate(Blob(count: 3000), CancellationToken.None);
        Assert.Equal(GateDecision.Retry, verdict.Decision);
        Assert.Contains(verdict.Reasons, r => r.Contains(nameof(ValidityCheck.GaussianCount), StringComparison.Ordinal));
        Assert.Equal(3000, verdict.Figures[$"validity.{ValidityCheck.GaussianCount}"]);
    }

    [Fact]
    public void An_all_transparent_cloud_fails_the_validator_opacity_check_and_is_a_retry()
    {
        var verdict = Gate.Evaluate(Blob(opacityLogit: -10f), CancellationToken.None);
        Assert.Equal(GateDecision.Retry, verdict.Decision);
        Assert.Contains(verdict.Reasons, r => r.Contains(nameof(ValidityCheck.ZeroOpacity), StringComparison.Ordinal));
    }

    [Fact]
    public void A_faint_cloud_the_validator_accepts_but_renders_invisible_is_a_retry()
    {
        // alpha 0.002 passes the validator's "alpha < 1e-3" count, yet no pixel accumulates visible opacity.
        var verdict = Gate.Evaluate(Blob(opacityLogit: MathF.Log(0.002f / 0.998f)), CancellationToken.None);
        Assert.Equal(GateDecision.Retry, verdict.Decision);
        Assert.Contains(verdict.Reasons, r => r.StartsWith("invisible", StringComparison.Ordinal));
        Assert.Equal(0, verdict.Figures["coverage.max"]);
    }

    [Fact]
    public void A_tiny_object_next_to_a_far_floater_is_a_retry()
    {
        // One stray splat 40 units away sets the bounding box, so the object itself shrinks to a few pixels.
        var cloud = Blob(spread: 0.3);
        cloud.Positions[0] = 20;
        cloud.Positions[1] = 20;
        cloud.Positions[2] = -20;
        cloud.Positions[3] = -20;
        cloud.Positions[4] = -20;
        cloud.Positions[5] = 20;
        var verdict = Gate.Evaluate(cloud, CancellationToken.None);
        Assert.Equal(GateDecision.Retry, verdict.Decision);
        Assert.Contains(verdict.Reasons, r => r.StartsWith("tiny", StringComparison.Ordinal) || r.StartsWith("invisible", StringComparison.Ordinal));
        Assert.True(verdict.Figures["coverage.mean"] < 0.01);
    }

    [Fact]
    public void An_off_centre_object_is_a_retry_with_its_offset()
    {
        // Per-axis means (1.5, 0, -1.5): the validator's one scalar mean is 0, so nothing re-centres it.
        var verdict = Gate.Evaluate(Blob(shift: (1.5f, 0f, -1.5f)), CancellationToken.None);
        Assert.Equal(GateDecision.Retry, verdict.Decision);
        Assert.Contains(verdict.Reasons, r => r.StartsWith("off-centre", StringComparison.Ordinal));
        Assert.True(verdict.Figures["centre-offset.max"] > 0.2);
    }

    [Fact]
    public void A_frame_filling_blob_is_a_retry()
    {
        // Splats as wide as the object itself: an opaque fog that covers most of every view.
        var verdict = Gate.Evaluate(Blob(logScale: -0.5f), CancellationToken.None);
        Assert.Equal(GateDecision.Retry, verdict.Decision);
        Assert.Contains(verdict.Reasons, r => r.StartsWith("frame-filling", StringComparison.Ordinal));
        Assert.True(verdict.Figures["coverage.max"] > 0.85);
    }

    [Fact]
    public void A_cloud_with_nan_positions_is_a_decline()
    {
        var cloud = Blob();
        cloud.Positions[10] = float.NaN;
        var verdict = Gate.Evaluate(cloud, CancellationToken.None);
        Assert.Equal(GateDecision.Decline, verdict.Decision);
        Assert.Contains(verdict.Reasons, r => r.Contains(nameof(ValidityCheck.NotPackable), StringComparison.Ordinal));
    }

    [Fact]
    public void A_structural_failure_wins_over_a_retryable_one()
    {
        var cloud = Blob(count: 3000);
        cloud.Positions[10] = float.NaN;
        Assert.Equal(GateDecision.Decline, Gate.Evaluate(cloud, CancellationToken.None).Decision);
    }

    [Theory]
    [InlineData(ValidityCheck.IdentityRotations, true)]
    [InlineData(ValidityCheck.NotPackable, true)]
    [InlineData(ValidityCheck.DegenerateBounds, true)]
    [InlineData(ValidityCheck.GaussianCount, false)]
    [InlineData(ValidityCheck.ZeroOpacity, false)]
    [InlineData(ValidityCheck.CentroidAtOnes, false)]
    public void Only_failures_a_new_seed_would_repeat_are_structural(ValidityCheck check, bool structural)
    {
        Assert.Equal(structural, SelfValidationGate.IsStructural(check));
    }

    [Fact]
    public void A_cancelled_evaluation_stops_before_rendering()
    {
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        Assert.Throws<OperationCanceledException>(() => Gate.Evaluate(Blob(), cancelled.Token));
    }

    [Theory]
    [InlineData(4, new[] { 1, 5, 9, 13 })]
    [InlineData(1, new[] { 1 })]
    [InlineData(2, new[] { 1, 9 })]
    public void Views_are_spread_evenly_from_view_1(int count, int[] expected)
    {
        Assert.Equal(expected, SelfValidationGate.ViewsFor(count));
    }

    [Theory]
    [InlineData(0, 256, 0.5, 0.01, 0.6)]
    [InlineData(4, 8, 0.5, 0.01, 0.6)]
    [InlineData(4, 256, 0, 0.01, 0.6)]
    [InlineData(4, 256, 0.5, 0.7, 0.6)]
    public void Nonsensical_options_are_refused(int views, int size, double alpha, double min, double max)
    {
        var options = new SelfValidationOptions { Views = views, ImageSize = size, CoveredAlpha = alpha, MinCoverage = min, MaxCoverage = max };
        Assert.Throws<ArgumentOutOfRangeException>(() => new SelfValidationGate(options));
    }

    [FixtureFact]
    public void The_fixtures_are_submitted()
    {
        foreach (var name in new[] { "hamburger.ply", "robocop.spz", "monkey.encoded.ply" })
        {
            var cloud = SplatFile.Load(SharedFixtures.Path("splats", name)).Cloud;
            var verdict = Gate.Evaluate(cloud, CancellationToken.None);
            Assert.True(verdict.Decision == GateDecision.Submit, $"{name}: {verdict}");
        }
    }
}
