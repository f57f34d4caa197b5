using Miner.Actors.Generation;
using Miner.Host.Devnet;
using Miner.Models.Generation;
using Miner.Models.Imaging;
using Miner.Models.Splats;
using Miner.Models.Validation;

namespace Miner.Specs.Devnet;

/// <summary>
/// The devnet's image tasks and the CPU fallbacks agree on the camera: the prompt is rendered from the validator's
/// front view, which is the view the inflation faces, so what the miner builds scores on the proxy.
/// </summary>
public sealed class DevnetCpuFallbackScoreSpecs
{
    private static readonly CpuBackendOptions Cpu = new() { GaussianBudget = 40_000 };

    [Fact]
    public void Procedural_prompts_are_rendered_from_the_validators_front_view()
    {
        var random = new Random(5);
        for (var i = 0; i < 20; i++)
            Assert.Equal(0, ProceduralObjectFactory.Create(random, 2000, 0.5).ThetaDegrees);
    }

    [Fact]
    public async Task The_cpu_fallbacks_results_for_devnet_image_tasks_mostly_pass_the_quality_threshold()
    {
        var random = new Random(11);
        var scorer = new DevnetProxyScorer(new DevnetScoringOptions());
        var scores = new List<double>();
        for (var i = 0; i < 8; i++)
        {
            var subject = ProceduralObjectFactory.Create(random, 20_000, transparentShare: 0.5);
            var task = new DevnetTask(Miner.Models.Protocol.ProtocolTask.Image($"img-{i}", Convert.ToBase64String(subject.PromptPng(512))), subject);
            var image = ImageCodec.Decode(subject.PromptPng(512));
            var masked = await new BorderMattingBackgroundRemover(Cpu).RemoveBackgroundAsync(image, CancellationToken.None);
            var activated = await new SilhouetteInflationImageTo3D(Cpu).GenerateAsync(masked, seed: i, CancellationToken.None);
            var written = PlyWriteStage.Write(activated, new SubmitEverything(), new SplatOptions(), CancellationToken.None);

            scores.Add(scorer.Score(task, Convert.ToBase64String(SpzWriter.Write(written.Cloud))).Score);
        }

        Assert.True(scores.Count(s => s >= 0.6) >= 6, "scores: " + string.Join(", ", scores.Select(s => s.ToString("F3"))));
    }

    private sealed class SubmitEverything : ISplatGate
    {
        public GateVerdict Evaluate(GaussianCloud cloud, CancellationToken cancellation) =>
            new(GateDecision.Submit, [], new Dictionary<string, double>());
    }
}
