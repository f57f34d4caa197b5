using Miner.Actors.Generation;
using Akka.Actor;
using Akka.TestKit;
using Miner.Specs.TestKit.Akka;
using Miner.Models.Generation;
using Miner.Models.Protocol;
using Miner.Models.Splats;
using Miner.Models.Validation;
using Miner.Specs.TestKit;

namespace Miner.Specs.Generation.Backends;

/// <summary>
/// A card built by <see cref="GpuBackendFactory"/> from settings that point at <see cref="FakeGpuServices"/>, run
/// by a real <see cref="GenerationActor"/> with the real gate chain, in real time (real HTTP, short timeouts).
/// </summary>
public abstract class HttpCardSpecBase()
    : MinerSpec(realTime: true), IAsyncLifetime
{
    protected static readonly TimeSpan Long = TimeSpan.FromSeconds(30);
    private static readonly HttpClient Http = new() { Timeout = Timeout.InfiniteTimeSpan };
    private int _tasks;

    internal FakeGpuServices Services { get; private set; } = null!;

    protected TestProbe Router { get; private set; } = null!;

    protected GenerationOptions Options { get; } = new()
    {
        Prefetch = 0,
        // Stage timeouts above the HTTP timeouts, so the client's own error is what ends a bad call.
        ImageTimeout = TimeSpan.FromSeconds(20),
        MaskTimeout = TimeSpan.FromSeconds(20),
        TrellisTimeout = TimeSpan.FromSeconds(20),
        PlyWriteTimeout = TimeSpan.FromSeconds(20),
        BackoffMin = TimeSpan.FromMilliseconds(20),
        BackoffMax = TimeSpan.FromMilliseconds(100),
        FailureRetries = 1,
        GateRetries = 1,
        MinTimeLeftForRetry = TimeSpan.FromSeconds(5),
        UnhealthyAfterFailures = 5,
    };

    public async Task InitializeAsync()
    {
        Services = await FakeGpuServices.StartAsync();
        Router = CreateTestProbe("router");
    }

    public async Task DisposeAsync() => await Services.DisposeAsync();

    /// <summary>The seed layout on the fake services, with the HTTP timeout every service gets.</summary>
    protected GpuCardOptions SeedCard(double httpTimeoutSeconds = 10) => new()
    {
        TextToImage = new TextToImageServiceOptions { Url = Services.Url, Timeout = TimeSpan.FromSeconds(httpTimeoutSeconds), Width = 96, Height = 96 },
        BackgroundRemoval = new BackendServiceOptions { Url = Services.Url, Timeout = TimeSpan.FromSeconds(httpTimeoutSeconds) },
        ImageTo3D = new ImageTo3DServiceOptions { Url = Services.Url, Timeout = TimeSpan.FromSeconds(httpTimeoutSeconds) },
    };

    protected void SelfScoring(bool submitWhenUnavailable = true, double timeoutSeconds = 10) => Options.SelfScoring = new SelfScoringSettings
    {
        Url = Services.Url, Timeout = TimeSpan.FromSeconds(timeoutSeconds), Threshold = 0.6, Margin = 0.05, SubmitWhenUnavailable = submitWhenUnavailable,
    };

    /// <summary>Builds the card from <see cref="Options"/> and waits for its first WorkRequest.</summary>
    protected IActorRef StartCard(GpuCardOptions card)
    {
        Options.Gpus = [card];
        var factory = new GpuBackendFactory(Options, new CpuBackendOptions { GaussianBudget = 12_000 }, new SelfValidationOptions(), new SplatOptions(), Http);
        var plan = factory.Card(0);
        var actor = Sys.ActorOf(plan.Props(Router.Ref, factory.Gate(), Options, new SplatOptions()), plan.Name);
        Router.ExpectMsg<WorkRequest>(duration: Long);
        return actor;
    }

    protected GenerationTask TextTask() =>
        new($"t{++_tasks}", TaskKind.Text, "a red disc", 7, Sys.Scheduler.Now + TimeSpan.FromMinutes(2));

    protected GenerationTask ImageTask() =>
        new($"i{++_tasks}", TaskKind.Image, Convert.ToBase64String(FakeGpuServices.RgbPng), 7, Sys.Scheduler.Now + TimeSpan.FromMinutes(2));

    protected GenerationResult Run(IActorRef card, GenerationTask task)
    {
        Router.Send(card, task);
        return Router.FishForMessage<GenerationResult>(r => r.TaskId == task.TaskId, Long);
    }
}
