using Miner.Actors.Generation;
using Akka.Actor;
using Akka.TestKit;
using Miner.Specs.TestKit.Akka;
using Miner.Models.Generation;
using Miner.Models.Protocol;
using Miner.Models.Validation;
using Miner.Specs.Generation.Fakes;
using Miner.Specs.TestKit;

namespace Miner.Specs.Generation;

/// <summary>
/// Hundreds of random tasks through two cards whose backends randomly crash, hang, answer late, answer garbage, fail
/// as the HTTP clients fail (every <see cref="HttpBackendFailure"/>: unreachable, timeout, 500, wrong content type,
/// oversized, truncated, corrupt body), and whose gate randomly asks for retries or declines: every task handed out
/// gets exactly one result. Every actor turn runs on the test thread (no pump), so a seed always replays the same run.
/// How real misbehaving servers turn into those failures is HttpBackendFailureSpecs' part.
/// </summary>
public sealed class GenerationPropertySpec() : MinerSpec(pump: false)
{
    private const int Tasks = 1000;

    [Theory]
    [InlineData(404)]
    [InlineData(17)]
    [InlineData(2026)]
    public void Every_task_handed_to_a_card_gets_exactly_one_result_whatever_its_stages_do(int dice)
    {
        var random = new Random(dice);
        var options = new GenerationOptions { Prefetch = 1, UnhealthyAfterFailures = 3, ProbeInterval = TimeSpan.FromSeconds(30) };
        var scripts = new List<FakeCallScript>();
        GpuBackends Backends(bool text)
        {
            var backends = new GpuBackends(text ? new FakeTextToImage(Clock) : null, new FakeBackgroundRemoval(Clock), new FakeImageTo3D(Clock, 50));
            if (backends.TextToImage is FakeTextToImage t) scripts.Add(t.Script);
            scripts.Add(((FakeBackgroundRemoval)backends.BackgroundRemoval!).Script);
            scripts.Add(((FakeImageTo3D)backends.ImageTo3D!).Script);
            return backends;
        }
        var gate = new FakeGate
        {
            Decide = () => random.Next(100) switch
            {
                < 2 => throw new InvalidOperationException("gate renderer failed"),
                < 14 => GateDecision.Retry,
                < 22 => GateDecision.Decline,
                _ => GateDecision.Submit,
            },
        };
        var httpFailures = Enum.GetValues<HttpBackendFailure>();
        FakeCall Dice() => random.Next(100) switch
        {
            < 5 => FakeCall.Throw,
            < 9 => FakeCall.Hang,
            < 12 => FakeCall.Null,
            < 15 => FakeCall.ZeroGaussians,
            < 22 => FakeCall.HttpFails(httpFailures[random.Next(httpFailures.Length)]),
            < 30 => FakeCall.Succeed,
            _ => FakeCall.Slow(TimeSpan.FromSeconds(1 + random.Next(20))),
        };

        var png = Convert.ToBase64String(Miner.Models.Imaging.ImageCodec.EncodePng(new Miner.Models.Imaging.RgbaImage(12, 12)));
        var pool = new Queue<Func<GenerationTask>>();
        for (var n = 0; n < Tasks; n++)
        {
            var id = $"task-{n}";
            var kind = random.Next(2) == 0 ? TaskKind.Text : TaskKind.Image;
            var prompt = kind == TaskKind.Text ? "a chair" : random.Next(10) == 0 ? "bm90IGEgcG5n" : png;
            var seed = random.Next();
            var budget = TimeSpan.FromSeconds(20 + random.Next(200));
            pool.Enqueue(() => new GenerationTask(id, kind, prompt, seed, Clock.Now + budget));
        }

        var results = new Dictionary<string, List<GenerationResult>>();
        var violations = new List<string>();
        var health = new List<GpuHealthChanged>();
        var maxInHand = new Dictionary<string, int>();
        var router = Sys.ActorOf(Props.Create(() => new ScriptedRouter(pool, results, violations, health, maxInHand)), "router");
        var (withText, withoutText) = (Backends(text: true), Backends(text: false));
        foreach (var script in scripts) script.Pick = Dice; // before the cards start: their first calls roll the dice too
        var cards = new[]
        {
            Sys.ActorOf(GenerationActor.Props("gpu-0", router, withText, gate, options, cpu: InlineTaskScheduler.Instance), "gpu-0"),
            Sys.ActorOf(GenerationActor.Props("gpu-1", router, withoutText, gate, options, cpu: InlineTaskScheduler.Instance), "gpu-1"),
        };
        foreach (var root in cards.Prepend(router)) IdentifyRoot(root);

        var end = Clock.Now + TimeSpan.FromDays(2);
        while (results.Count < Tasks || results.Values.Any(r => r.Count == 0))
        {
            Assert.True(Clock.Now < end, $"{results.Values.Count(r => r.Count == 0)} tasks still without a result after two virtual days");
            Advance(TimeSpan.FromSeconds(1));
            if (random.Next(20) == 0) scripts[random.Next(scripts.Count)].ReleaseHung(); // answers far too late
        }
        Advance(TimeSpan.FromMinutes(10)); // anything late or duplicated would surface now

        Assert.Empty(violations);
        Assert.Equal(Tasks, results.Count);
        Assert.All(results, r => Assert.True(r.Value.Count == 1, $"{r.Key} got {r.Value.Count} results"));
        var outcomes = results.Values.Select(r => r[0]).ToList();
        Assert.Contains(outcomes, r => r.Outcome == GenerationOutcome.Generated);
        Assert.Contains(outcomes, r => r.Reason.Contains("no retry left", StringComparison.Ordinal));
        Assert.Contains(outcomes, r => r.Reason.Contains("image prompt is unusable", StringComparison.Ordinal));
        Assert.Contains(outcomes, r => r.Outcome == GenerationOutcome.Generated && r.Timings.Any(t => !t.Succeeded));
        Assert.Contains(health, h => !h.Healthy);
        Assert.Contains(health, h => h.Healthy);
        Assert.All(outcomes.Where(r => r.Outcome == GenerationOutcome.Generated), r => Assert.True(r.Cloud!.Count > 0));
        var thrown = scripts.SelectMany(sc => sc.HttpFailures).GroupBy(f => f.Key).ToDictionary(g => g.Key, g => g.Sum(f => f.Value));
        Assert.All(httpFailures, f => Assert.True(thrown.GetValueOrDefault(f) > 0, $"no {f} failure was injected"));
        Assert.All(maxInHand, m => Assert.True(m.Value <= 1 + options.Prefetch, $"{m.Key} held {m.Value} tasks at once"));
    }
}
