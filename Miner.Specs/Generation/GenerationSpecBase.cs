using Miner.Actors.Generation;
using Akka.Actor;
using Akka.TestKit;
using Miner.Specs.TestKit.Akka;
using Miner.Models.Imaging;
using Miner.Models.Protocol;
using Miner.Specs.Generation.Fakes;
using Miner.Specs.TestKit;

namespace Miner.Specs.Generation;

/// <summary>A GPU card actor over fake backends in virtual time, with a probe standing in for the router.</summary>
public abstract class GenerationSpecBase : MinerSpec
{
    protected GenerationSpecBase()
    {
        Text = new FakeTextToImage(Clock);
        Mask = new FakeBackgroundRemoval(Clock);
        Trellis = new FakeImageTo3D(Clock);
        Router = CreateTestProbe("router");
    }

    protected FakeTextToImage Text { get; }
    protected FakeBackgroundRemoval Mask { get; }
    protected FakeImageTo3D Trellis { get; }
    protected FakeGate Gate { get; } = new();
    protected TestProbe Router { get; }

    protected GenerationOptions Options { get; } = new()
    {
        Prefetch = 1,
        TrellisTimeout = TimeSpan.FromSeconds(45),
        BackoffMin = TimeSpan.FromSeconds(1),
        BackoffMax = TimeSpan.FromSeconds(30),
        UnhealthyAfterFailures = 3,
        ProbeInterval = TimeSpan.FromSeconds(30),
        MinTimeLeftForRetry = TimeSpan.FromSeconds(15),
    };

    private int _taskCount;

    /// <summary>Starts the card and takes its first WorkRequest off the router probe.</summary>
    protected IActorRef StartCard(bool withTextBackend = true, string gpu = "gpu-0")
    {
        var backends = new GpuBackends(withTextBackend ? Text : null, Mask, Trellis);
        var card = Sys.ActorOf(GenerationActor.Props(gpu, Router.Ref, backends, Gate, Options, cpu: InlineTaskScheduler.Instance), gpu);
        Router.ExpectMsg<WorkRequest>(r => r.Gpu == gpu && r.Slots == 1 + Options.Prefetch);
        return card;
    }

    protected GenerationTask TextTask(TimeSpan? timeLeft = null, int seed = 42) =>
        new($"t{++_taskCount}", TaskKind.Text, "a red teapot", seed, Clock.Now + (timeLeft ?? TimeSpan.FromMinutes(5)));

    protected GenerationTask ImageTask(string? base64 = null, TimeSpan? timeLeft = null, int seed = 7) =>
        new($"i{++_taskCount}", TaskKind.Image, base64 ?? PngPrompt(24, 20), seed, Clock.Now + (timeLeft ?? TimeSpan.FromMinutes(5)));

    protected static string PngPrompt(int width, int height)
    {
        var image = new RgbaImage(width, height);
        for (var y = 0; y < height; y++)
        for (var x = 0; x < width; x++)
            image.SetPixel(x, y, (byte)(10 * x), (byte)(10 * y), 90);
        return Convert.ToBase64String(ImageCodec.EncodePng(image));
    }

    /// <summary>Gives the card a task as the router would (the router probe is the sender).</summary>
    protected void Give(IActorRef card, GenerationTask task)
    {
        Router.Send(card, task);
        Drain();
    }

    protected GenerationResult ExpectResult(string taskId) => Router.ExpectMsg<GenerationResult>(r => r.TaskId == taskId);

    protected GpuStatus StatusOf(IActorRef card)
    {
        var asker = CreateTestProbe();
        asker.Send(card, GpuStatusQuery.Instance);
        return asker.ExpectMsg<GpuStatus>();
    }

    protected static string Stages(GenerationResult result) =>
        string.Join(" ", result.Timings.Select(t => $"{t.Stage}#{t.Attempt}{(t.Succeeded ? "" : "!")}"));
}
