using System.Diagnostics;
using Akka.Actor;
using Akka.Event;
using Miner.Actors.Generation;
using Akka.TestKit;
using Miner.Specs.TestKit.Akka;
using Miner.Specs.Generation.Fakes;
using Miner.Specs.TestKit;

namespace Miner.Specs.Generation.Workers;

/// <summary>
/// A real python3 fake worker (fake_worker.py) under a real-time actor system: started, health-checked, restarted,
/// given up on and stopped. Real processes and real time, so the waits are generous and the intervals short.
/// </summary>
public sealed class BackendProcessActorSpecs()
    : MinerSpec(realTime: true)
{
    private static readonly TimeSpan Long = TimeSpan.FromSeconds(20);
    private static readonly HttpClient Http = new() { Timeout = Timeout.InfiniteTimeSpan };

    private static BackendProcessOptions Worker(params string[] extra) => FakeWorkerProcess.Options(FakeWorkerProcess.FreePort(), extra);

    private (IActorRef Actor, TestProbe Parent) Start(BackendProcessOptions options, int device = 0)
    {
        var parent = CreateTestProbe();
        return (Sys.ActorOf(BackendProcessActor.Props("gpu" + device, device, parent.Ref, options, Http)), parent);
    }

    private BackendProcessState State(IActorRef actor)
    {
        var asker = CreateTestProbe();
        asker.Send(actor, GetBackendProcessState.Instance);
        return asker.ExpectMsg<BackendProcessState>(duration: Long);
    }

    private static bool IsRunning(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    private void StopAndAwaitExit(IActorRef actor, int pid)
    {
        Sys.Stop(actor);
        AwaitAssert(() => Assert.False(IsRunning(pid), $"worker pid {pid} still running"), Long);
    }

    [Fact]
    public void A_worker_that_answers_health_is_reported_healthy()
    {
        var (actor, parent) = Start(Worker());

        var healthy = parent.ExpectMsg<GpuHealthChanged>(duration: Long);

        Assert.True(healthy.Healthy, healthy.Reason);
        Assert.Equal("gpu0", healthy.Gpu);
        var state = State(actor);
        Assert.Equal(BackendProcessPhase.Healthy, state.Phase);
        Assert.NotNull(state.Pid);
        Assert.Equal(0, state.Restarts);
        StopAndAwaitExit(actor, state.Pid!.Value);
    }

    [Fact]
    public void A_worker_that_exits_is_restarted_and_healthy_again()
    {
        var (actor, parent) = Start(Worker("--exit-after", "1.0"));
        parent.ExpectMsg<GpuHealthChanged>(h => h.Healthy, Long);
        var first = State(actor).Pid;

        var down = parent.ExpectMsg<GpuHealthChanged>(duration: Long);
        var up = parent.ExpectMsg<GpuHealthChanged>(duration: Long);

        Assert.False(down.Healthy);
        Assert.Contains("exited with code 3", down.Reason, StringComparison.Ordinal);
        Assert.True(up.Healthy, up.Reason);
        var state = State(actor);
        Assert.True(state.Restarts >= 1);
        Assert.NotEqual(first, state.Pid);
        if (state.Pid is { } pid) StopAndAwaitExit(actor, pid);
    }

    [Fact]
    public void A_worker_whose_health_checks_hang_is_killed_and_restarted()
    {
        var (actor, parent) = Start(Worker("--hang-after", "0.8"));
        parent.ExpectMsg<GpuHealthChanged>(h => h.Healthy, Long);
        var first = State(actor).Pid!.Value;

        var down = parent.ExpectMsg<GpuHealthChanged>(duration: Long);

        Assert.False(down.Healthy);
        Assert.Contains("health checks failed", down.Reason, StringComparison.Ordinal);
        Assert.True(parent.ExpectMsg<GpuHealthChanged>(duration: Long).Healthy);
        AwaitAssert(() => Assert.False(IsRunning(first), "the hung worker is still running"), Long);
        if (State(actor).Pid is { } pid) StopAndAwaitExit(actor, pid);
    }

    [Fact]
    public void A_worker_that_keeps_dying_is_given_up_after_the_budget()
    {
        var (actor, parent) = Start(Worker("--exit-after", "0.2") with { RestartBudget = 2 });

        var gaveUp = parent.FishForMessage<GpuHealthChanged>(h => !h.Healthy && h.Reason.Contains("gave up", StringComparison.Ordinal), Long);

        Assert.Contains("2 restarts", gaveUp.Reason, StringComparison.Ordinal);
        var state = State(actor);
        Assert.Equal(BackendProcessPhase.GaveUp, state.Phase);
        Assert.Equal(2, state.Restarts);
        Assert.Null(state.Pid);
    }

    [Fact]
    public void A_command_that_cannot_start_is_given_up_after_the_budget()
    {
        var (actor, parent) = Start(Worker() with { Command = "/nonexistent/worker-binary", RestartBudget = 1 });

        var gaveUp = parent.ExpectMsg<GpuHealthChanged>(duration: Long);

        Assert.False(gaveUp.Healthy);
        Assert.Contains("could not start", gaveUp.Reason, StringComparison.Ordinal);
        Assert.Equal(BackendProcessPhase.GaveUp, State(actor).Phase);
    }

    [Fact]
    public void Worker_output_is_logged_line_by_line_with_the_card_and_its_cuda_device()
    {
        var log = CreateTestProbe();
        Sys.EventStream.Subscribe(log.Ref, typeof(LogEvent));
        var lines = new List<LogEvent>();
        var (actor, parent) = Start(Worker(), device: 1);
        parent.ExpectMsg<GpuHealthChanged>(h => h.Healthy, Long);

        AwaitAssert(() =>
        {
            while (log.HasMessages) lines.Add((LogEvent)log.ReceiveOne(TimeSpan.Zero)!);
            Assert.Contains(lines, e => Equals(e.Properties().GetValueOrDefault("Gpu"), "gpu1") && Equals(e.Properties().GetValueOrDefault("Stream"), "stdout")
                && e.Render().Contains("CUDA_VISIBLE_DEVICES=1", StringComparison.Ordinal));
            Assert.Contains(lines, e => Equals(e.Properties().GetValueOrDefault("Stream"), "stderr") && e.Render().Contains("hello on stderr", StringComparison.Ordinal));
        }, Long);
        StopAndAwaitExit(actor, State(actor).Pid!.Value);
    }

    [Fact]
    public void Stopping_the_actor_kills_a_worker_that_ignores_sigterm()
    {
        var (actor, parent) = Start(Worker("--ignore-term"));
        parent.ExpectMsg<GpuHealthChanged>(h => h.Healthy, Long);
        var pid = State(actor).Pid!.Value;
        Assert.True(IsRunning(pid));

        StopAndAwaitExit(actor, pid);
    }
}
