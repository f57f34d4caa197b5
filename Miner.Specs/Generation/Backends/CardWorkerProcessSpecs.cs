using Miner.Actors.Generation;
using Akka.Actor;
using Akka.TestKit;
using Miner.Specs.TestKit.Akka;
using Miner.Specs.Generation.Fakes;
using Miner.Specs.TestKit;

namespace Miner.Specs.Generation.Backends;

/// <summary>
/// A card with a worker process (the python fake worker): it asks for work only while the worker is healthy, leaves
/// the router's rotation while the worker restarts, and stops the process when the card stops. Real processes and
/// real time, short intervals.
/// </summary>
public sealed class CardWorkerProcessSpecs()
    : MinerSpec(realTime: true)
{
    private static readonly TimeSpan Long = TimeSpan.FromSeconds(20);
    private static readonly HttpClient Http = new() { Timeout = Timeout.InfiniteTimeSpan };

    private static int FreePort() => FakeWorkerProcess.FreePort();

    private static BackendProcessOptions Worker(int port, params string[] extra) => FakeWorkerProcess.Options(port, extra);

    private (IActorRef Card, TestProbe Router) StartCard(BackendProcessOptions worker)
    {
        var router = CreateTestProbe("router");
        var backends = new GpuBackends(null, new FakeBackgroundRemoval(Sys.Scheduler), new FakeImageTo3D(Sys.Scheduler));
        var workers = new GpuWorkers(2, [new GpuWorker("image-to-3d", worker)], Http);
        var card = Sys.ActorOf(GenerationActor.Props("gpu-0", router.Ref, backends, new FakeGate(), new GenerationOptions(), workers: workers), "gpu-0");
        return (card, router);
    }

    private static bool Answers(int port)
    {
        try
        {
            using var response = Http.GetAsync($"http://127.0.0.1:{port}/health").GetAwaiter().GetResult();
            return response.IsSuccessStatusCode;
        }
        catch (HttpRequestException)
        {
            return false;
        }
    }

    [Fact]
    public void A_card_asks_for_work_once_its_worker_process_answers_health_checks()
    {
        var port = FreePort();
        var (card, router) = StartCard(Worker(port));
        router.ExpectMsg<WorkRequest>(duration: Long);
        Assert.True(Answers(port));
        Sys.Stop(card);
        AwaitAssert(() => Assert.False(Answers(port)), Long);
    }

    [Fact]
    public void A_card_whose_worker_never_becomes_healthy_asks_for_no_work()
    {
        var (card, router) = StartCard(Worker(FreePort(), "--never-healthy"));
        router.ExpectNoMsg(TimeSpan.FromSeconds(2));
        var asker = CreateTestProbe();
        asker.Send(card, GpuStatusQuery.Instance);
        Assert.False(asker.ExpectMsg<GpuStatus>(duration: Long).Healthy);
    }

    [Fact]
    public void A_worker_that_dies_takes_the_card_out_of_rotation_until_it_is_back()
    {
        var (_, router) = StartCard(Worker(FreePort(), "--exit-after", "1.0"));
        router.ExpectMsg<WorkRequest>(duration: Long);
        var down = router.FishForMessage<GpuHealthChanged>(_ => true, Long);
        Assert.False(down.Healthy);
        Assert.Contains("image-to-3d", down.Reason, StringComparison.Ordinal);
        var up = router.FishForMessage<GpuHealthChanged>(_ => true, Long);
        Assert.True(up.Healthy, up.Reason);
        router.FishForMessage<WorkRequest>(_ => true, Long);
    }

    [Fact]
    public void A_task_arriving_while_the_worker_restarts_is_declined_not_lost()
    {
        // A slow relaunch keeps the card down while the task arrives.
        var slow = Worker(FreePort(), "--exit-after", "1.0") with { RestartBackoffMin = TimeSpan.FromSeconds(5), RestartBackoffMax = TimeSpan.FromSeconds(5) };
        var (card, router) = StartCard(slow);
        router.ExpectMsg<WorkRequest>(duration: Long);
        router.FishForMessage<GpuHealthChanged>(h => !h.Healthy, Long);
        var png = Convert.ToBase64String(FakeGpuServices.RgbPng);
        router.Send(card, new GenerationTask("late", Models.Protocol.TaskKind.Image, png, 1, Sys.Scheduler.Now + TimeSpan.FromMinutes(1)));
        var result = router.FishForMessage<GenerationResult>(r => r.TaskId == "late", Long);
        Assert.Equal(GenerationOutcome.Declined, result.Outcome);
        Assert.Contains("worker process", result.Reason, StringComparison.Ordinal);
    }
}
