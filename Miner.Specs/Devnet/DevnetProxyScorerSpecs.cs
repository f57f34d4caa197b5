using System.Numerics;
using Miner.Host.Devnet;
using Miner.Models.Protocol;
using Miner.Models.Splats;

namespace Miner.Specs.Devnet;

/// <summary>The devnet's proxy scorer: decode as the validator does, validity, then render-based fidelity.</summary>
public sealed class DevnetProxyScorerSpecs
{
    private static readonly DevnetProxyScorer Scorer = new(new DevnetScoringOptions { RenderSize = 128 });
    private static readonly ProceduralObject Subject = DevnetSamples.Object();
    private static readonly DevnetTask ImageTask = DevnetSamples.ImageTask(Subject);
    private static readonly DevnetTask TextTask = new(ProtocolTask.Text("txt-1", "a red apple"));

    [Fact]
    public void A_cloud_identical_to_the_prompts_object_scores_high()
    {
        var score = Scorer.Score(ImageTask, DevnetSamples.Base64Spz(Subject.Cloud));
        Assert.True(score.Score >= 0.8, score.ToString());
    }

    [Fact]
    public void A_cloud_shifted_sideways_scores_under_the_threshold()
    {
        var shifted = Subject.Cloud.Clone();
        for (var i = 0; i < shifted.Count; i++) shifted.Positions[3 * i] += 0.9f;
        var score = Scorer.Score(ImageTask, DevnetSamples.Base64Spz(shifted));
        Assert.True(score.Score < 0.6, score.ToString());
    }

    [Fact]
    public void A_different_object_scores_under_the_threshold()
    {
        ProceduralShape[] cone = [new(ProceduralShapeKind.Cone, Vector3.Zero, new Vector3(0.3f, 0.7f, 0), Quaternion.Identity, new Vector3(0.1f, 0.8f, 0.2f))];
        var score = Scorer.Score(ImageTask, DevnetSamples.Base64Spz(ProceduralObjectFactory.Build(cone, 12_000, seed: 3)));
        Assert.True(score.Score < 0.6, score.ToString());
    }

    [Fact]
    public void The_right_shape_in_the_wrong_colour_scores_under_the_threshold()
    {
        var recoloured = Subject.Cloud.Clone();
        for (var i = 0; i < recoloured.ShDc.Length; i += 3) (recoloured.ShDc[i], recoloured.ShDc[i + 1]) = (recoloured.ShDc[i + 1], recoloured.ShDc[i]);
        var score = Scorer.Score(ImageTask, DevnetSamples.Base64Spz(recoloured));
        Assert.True(score.Score < 0.6, score.ToString());
    }

    [Theory]
    [InlineData("")]
    [InlineData("not base64 at all!")]
    [InlineData("AAECAwQFBgc=")]
    public void Results_that_do_not_decode_as_the_subnets_spz_score_zero(string results)
    {
        Assert.Equal(0, Scorer.Score(ImageTask, results).Score);
    }

    [Fact]
    public void A_cloud_the_validator_finds_invalid_scores_zero_with_the_reason()
    {
        var small = ProceduralObjectFactory.Build(DevnetSamples.SphereAndBox, 5000, seed: 1);
        var score = Scorer.Score(TextTask, DevnetSamples.Base64Spz(small));
        Assert.Equal(0, score.Score);
        Assert.Contains("GaussianCount", score.Reason);
    }

    [Fact]
    public void A_valid_text_result_that_renders_sanely_scores_the_configured_text_score()
    {
        Assert.Equal(0.8, Scorer.Score(TextTask, DevnetSamples.Base64Spz(Subject.Cloud)).Score);
    }

    [Fact]
    public void A_text_result_that_fills_the_frame_scores_zero()
    {
        var blob = Subject.Cloud.Clone();
        for (var i = 0; i < blob.Scales.Length; i++) blob.Scales[i] = MathF.Log(0.8f);
        var score = Scorer.Score(TextTask, DevnetSamples.Base64Spz(blob));
        Assert.Equal(0, score.Score);
        Assert.Contains("frame-filling", score.Reason);
    }

    [Fact]
    public async Task Scoring_runs_through_the_scorer_interface()
    {
        var score = await ((ISubmissionScorer)Scorer).ScoreAsync(TextTask, DevnetSamples.Base64Spz(Subject.Cloud), CancellationToken.None);
        Assert.False(score.ValidationFailed);
    }

    [Fact]
    public void Truncated_and_mutated_submissions_score_zero_or_a_number_and_never_throw()
    {
        var spz = Convert.FromBase64String(DevnetSamples.Base64Spz(ProceduralObjectFactory.Build(DevnetSamples.SphereAndBox, 7500, seed: 2)));
        var random = new Random(5);
        for (var round = 0; round < 160; round++)
        {
            var bytes = round < 80 ? spz.AsSpan(0, random.Next(spz.Length)).ToArray() : (byte[])spz.Clone();
            if (round >= 80) for (var k = 0; k < 1 + random.Next(8); k++) bytes[random.Next(bytes.Length)] = (byte)random.Next(256);
            var score = Scorer.Score(TextTask, Convert.ToBase64String(bytes));
            Assert.InRange(score.Score, 0, 1);
        }
    }
}
