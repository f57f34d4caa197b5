using System.Net;
using Microsoft.AspNetCore.Http;
using Miner.Actors.Generation;
using Akka.Actor;
using Akka.TestKit;
using Miner.Specs.TestKit.Akka;
using Miner.Actors.Mining;
using Miner.Actors.Mining.Metagraph;
using Miner.Actors.Mining.Routing;
using Miner.Actors.Mining.Scoring;
using Miner.Actors.Mining.Simulation;
using Miner.Models.Bittensor.Wire;
using Miner.Models.Generation;
using Miner.Models.Splats;
using Miner.Models.Validation;
using Miner.Specs.Generation.Backends;
using Miner.Specs.TestKit;

namespace Miner.Specs.Mining;

/// <summary>
/// The whole mining tree with cards built from settings by <see cref="GpuBackendFactory"/>, reaching fake model
/// services and the validation service over real loopback HTTP, against simulated validators: a task goes pull →
/// pipeline → self-scoring → submission, the prediction lands beside the validator's score, and misbehaving
/// services end in retries or declines, each task settled exactly once. Real time, so latencies are short.
/// </summary>
public sealed class HttpBackendMiningSpecs()
    : MinerSpec(realTime: true), IAsyncLifetime
{
    private static readonly TimeSpan Long = TimeSpan.FromSeconds(60);
    private static readonly HttpClient Http = new() { Timeout = Timeout.InfiniteTimeSpan };
    private FakeGpuServices _services = null!;
    private SimulatedNetwork _network = null!;
    private IActorRef _miner = null!;

    public async Task InitializeAsync() => _services = await FakeGpuServices.StartAsync();

    public async Task DisposeAsync() => await _services.DisposeAsync();

    private IEnumerable<ValidatorRules> Validators => _network.Validators.Values;

    /// <param name="timeoutSeconds">Every service call's limit; specs of well-behaved services give room for a loaded machine.</param>
    private void StartMiner(int validators, int gpus, bool submitWhenUnavailable = true, double timeoutSeconds = 1)
    {
        var random = new Random(11);
        _network = new SimulatedNetwork(Sys.Scheduler, new SimulatedNetworkSettings
        {
            PullLatency = TimeSpan.FromMilliseconds(10), UploadLatency = TimeSpan.FromMilliseconds(10), ValidationTime = TimeSpan.FromMilliseconds(20),
            TransportFailureRate = 0, AcceptRate = 1.0,
        }, random);
        var candidates = new List<ValidatorCandidate>();
        for (var uid = 0; uid < validators; uid++)
        {
            _network.Add($"hk{uid}");
            candidates.Add(new ValidatorCandidate(uid, $"hk{uid}", new AxonTarget(IPAddress.Parse("203.0.113.1"), 9000 + uid, $"hk{uid}"), 2000, null));
        }
        var timeout = TimeSpan.FromSeconds(timeoutSeconds);
        var generation = new GenerationOptions
        {
            Prefetch = 0, BackoffMin = TimeSpan.FromMilliseconds(20), BackoffMax = TimeSpan.FromMilliseconds(100), MinTimeLeftForRetry = TimeSpan.FromSeconds(5),
            FailureRetries = 2, GateRetries = 1, UnhealthyAfterFailures = 50,
            Gpus = [.. Enumerable.Range(0, gpus).Select(_ => new GpuCardOptions
            {
                TextToImage = new TextToImageServiceOptions { Url = _services.Url, Timeout = timeout, Width = 96, Height = 96 },
                BackgroundRemoval = new BackendServiceOptions { Url = _services.Url, Timeout = timeout },
                ImageTo3D = new ImageTo3DServiceOptions { Url = _services.Url, Timeout = timeout },
            })],
            SelfScoring = new SelfScoringSettings { Url = _services.Url, Timeout = timeout, SubmitWhenUnavailable = submitWhenUnavailable },
        };
        var splats = new SplatOptions();
        var factory = new GpuBackendFactory(generation, new CpuBackendOptions(), new SelfValidationOptions(), splats, Http);
        var cards = factory.Cards();
        var gate = factory.Gate();
        var setup = new MinerGuardianSetup(new MiningOptions(), new StaticValidatorSetSource(candidates), _network, new SimulatedEncoder(),
            "hk-own", 1000, TimeSpan.FromMinutes(30), [.. cards.Select(c => c.Name)],
            (name, router) => cards.First(c => c.Name == name).Props(router, gate, generation, splats), Random: random);
        _miner = StartActor(Props.Create(() => new MinerGuardian(setup)), MinerGuardian.Name);
    }

    /// <summary>Until every validator handed out its task and each was settled (the simulated cooldown then holds them).</summary>
    private void AwaitEveryTaskSettled(int validators) =>
        AwaitAssert(() =>
        {
            Assert.Equal(validators, Validators.Sum(v => v.TasksHandedOut));
            Assert.Equal(validators, Validators.Sum(v => v.SettledCount.Count(s => s.Value > 0)));
        }, Long);

    private ValidatorLedgerEntry Ledger(string hotkey) =>
        Await(_miner.Ask<LedgerEntryReply>(new GetLedgerEntry(hotkey), TimeSpan.FromSeconds(5))).Entry!;

    [Fact]
    public void A_task_goes_through_the_services_and_self_scoring_to_an_accepted_submission_with_its_prediction_kept()
    {
        StartMiner(validators: 2, gpus: 1, timeoutSeconds: 10);
        AwaitEveryTaskSettled(2);
        Assert.Equal(2, Validators.Sum(v => v.Accepted));
        Assert.Equal(2, _services.CallsTo(FakeGpuServices.ValidateTextPath));
        AwaitAssert(() =>
        {
            var prediction = Ledger("hk0").Prediction!;
            Assert.Equal((1, 0.82, 0.8), (prediction.Count, prediction.MeanPredicted, prediction.MeanActual));
        }, Long);
    }

    [Fact]
    public void A_low_predicted_score_ends_in_an_empty_submission_that_costs_nothing()
    {
        _services.Score = 0.3;
        StartMiner(validators: 2, gpus: 1, timeoutSeconds: 10);
        AwaitEveryTaskSettled(2);
        Assert.Equal(2, Validators.Sum(v => v.Declined));
        Assert.Equal(0, Validators.Sum(v => v.Penalties));
        Assert.Equal(4, _services.CallsTo(FakeGpuServices.ValidateTextPath)); // each task: a first sample and one retry
    }

    [Fact]
    public void Services_that_misbehave_at_random_never_lose_a_task_or_settle_one_twice()
    {
        var dice = new Random(2026);
        Func<HttpContext, Task> Sometimes(Func<HttpContext, Task> bad, Func<HttpContext, Task> good) => context =>
        {
            bool fail;
            lock (dice) fail = dice.Next(100) < 35;
            return fail ? bad(context) : good(context);
        };
        var ply = FakeGpuServices.Body(FakeGpuServices.PlyBytes, "application/octet-stream");
        var png = FakeGpuServices.Body(FakeGpuServices.RgbPng, "image/png");
        _services.On(FakeGpuServices.TextToImagePath, Sometimes(FakeGpuServices.Status(500), png));
        _services.On(FakeGpuServices.MaskPath, Sometimes(FakeGpuServices.Body("not a png"u8.ToArray(), "image/png"), png));
        _services.On(FakeGpuServices.ImageTo3DPath, Sometimes(FakeGpuServices.Hang, Sometimes(FakeGpuServices.Body("<html/>"u8.ToArray(), "text/html"), ply)));
        _services.On(FakeGpuServices.ValidateTextPath, Sometimes(FakeGpuServices.Status(503),
            FakeGpuServices.Body("""{"score": 0.9}"""u8.ToArray(), "application/json")));
        StartMiner(validators: 8, gpus: 2, submitWhenUnavailable: false);
        AwaitEveryTaskSettled(8);
        Assert.All(Validators.SelectMany(v => v.SettledCount), p => Assert.Equal(1, p.Value));
        var stageCalls = new[] { FakeGpuServices.TextToImagePath, FakeGpuServices.MaskPath, FakeGpuServices.ImageTo3DPath }.Sum(_services.CallsTo);
        Assert.True(stageCalls > 3 * 8, $"{stageCalls} stage calls: the dice made no service misbehave");
        Assert.Equal(8, Validators.Sum(v => v.Accepted + v.Declined));
        Assert.Equal(0, Validators.Sum(v => v.TotalViolations));
        var open = Await(_miner.Ask<InFlightTasks>(new GetInFlightTasks(), TimeSpan.FromSeconds(5)));
        Assert.Empty(open.Tasks);
    }
}
