using System.Diagnostics;
using Akka.Actor;
using Miner.Actors.Akka.Time;
using Miner.Specs.TestKit.Akka;
using Xunit.Abstractions;

namespace Miner.Specs.Akka;

/// <summary>
/// Virtual time on Akka.NET's extension points: <see cref="AkkaVirtualScheduler"/> and
/// <see cref="DeterministicDispatcher"/> plugged in by configuration through <see cref="MinerSpec"/>.
/// </summary>
public sealed class VirtualTimeSpecs(ITestOutputHelper output) : MinerSpec(pump: false)
{
    private static readonly TimeSpan FourHours = TimeSpan.FromHours(4);

    [Fact]
    public void A_re_arming_7_3_s_single_timer_ticks_1972_times_at_exact_virtual_times_in_one_advance_of_4_h()
    {
        var ticks = new List<TimeSpan>();
        var ticker = StartActor(Props.Create(() => new ReArmingTicker(TimeSpan.FromSeconds(7.3), ticks)), "ticker");
        IdentifyRoot(ticker);

        Advance(FourHours);

        Assert.Equal(1_972, ticks.Count);
        for (var i = 0; i < ticks.Count; i++) Assert.Equal(TimeSpan.FromTicks(73_000_000L * (i + 1)), ticks[i]);
        Assert.Equal(FourHours, Clock.MonotonicClock);
        Assert.Equal(AkkaVirtualScheduler.Epoch + FourHours, Sys.Scheduler.Now);
    }

    [Fact]
    public void A_60_s_periodic_timer_pulses_240_times_in_4_h()
    {
        var pulses = new List<TimeSpan>();
        var pulser = StartActor(Props.Create(() => new PeriodicPulser(TimeSpan.FromSeconds(60), pulses)), "pulser");
        IdentifyRoot(pulser);

        Advance(FourHours);

        Assert.Equal(240, pulses.Count);
        Assert.Equal(TimeSpan.FromSeconds(60), pulses[0]);
        Assert.Equal(FourHours, pulses[^1]);
    }

    [Fact]
    public async Task PipeTo_round_trips_through_tasks_completed_by_virtual_time_all_complete_in_one_advance()
    {
        const int trips = 9_600;
        var piper = StartActor(Props.Create(() => new Piper(trips)), "piper");
        IdentifyRoot(piper);
        piper.Tell(Piper.Start.Instance);
        Drain();

        Advance(FourHours);

        var completed = Completed(AskVirtual<int>(piper, Piper.HowMany.Instance, TimeSpan.FromSeconds(5)));
        Assert.Equal(trips, await completed);
    }

    [Fact]
    public void A_cancelled_schedule_once_never_fires()
    {
        var fired = new List<string>();
        var tell = Sys.Scheduler.ScheduleTellOnceCancelable(TimeSpan.FromSeconds(10), TestActor, "tell fired", ActorRefs.NoSender);
        var action = Sys.Scheduler.Advanced.ScheduleOnceCancelable(TimeSpan.FromSeconds(10), () => fired.Add("action fired"));
        Sys.Scheduler.Advanced.ScheduleOnce(TimeSpan.FromSeconds(20), () => fired.Add("kept"));

        tell.Cancel();
        action.Cancel();
        Advance(TimeSpan.FromMinutes(1));

        Assert.Equal(["kept"], fired);
        ExpectNoMsg(TimeSpan.Zero);
    }

    [Fact]
    public void Items_due_at_the_same_instant_fire_in_insertion_order()
    {
        var order = new List<string>();
        var advanced = Sys.Scheduler.Advanced;
        advanced.ScheduleOnce(TimeSpan.FromSeconds(5), () => order.Add("a@5"));
        advanced.ScheduleOnce(TimeSpan.FromSeconds(3), () => order.Add("b@3"));
        advanced.ScheduleOnce(TimeSpan.FromSeconds(5), () => order.Add("c@5"));
        advanced.ScheduleOnce(TimeSpan.FromSeconds(3), () => order.Add("d@3"));
        advanced.ScheduleOnce(TimeSpan.FromSeconds(5), () => order.Add("e@5"));

        Advance(TimeSpan.FromSeconds(5));

        Assert.Equal(["b@3", "d@3", "a@5", "c@5", "e@5"], order);
    }

    [Fact]
    public void A_tell_has_no_effect_until_the_spec_drains()
    {
        var received = new List<object>();
        var recorder = StartActor(Props.Create(() => new Recorder(received)), "recorder");
        IdentifyRoot(recorder); // a top-level actor is started by the guardian on another thread; wait for that first
        recorder.Tell("hello");
        Thread.Sleep(50); // wall time: nothing runs on other threads either

        Assert.Empty(received);
        Assert.True(Dispatcher!.Pending > 0);

        Drain();

        Assert.Equal(["hello"], received);
        Assert.Equal(0, Dispatcher!.Pending);
    }

    [Fact]
    public void Two_runs_of_a_200_actor_timer_fleet_produce_identical_message_counts_and_orders()
    {
        var wall = Stopwatch.StartNew();
        var first = RunFleet(Sys, Clock, Dispatcher!);
        var firstWall = wall.Elapsed;
        var second = RunFleetInFreshSystem();
        output.WriteLine($"fleet: {first.Count:N0} and {second.Count:N0} messages in 1 h of virtual time; first run {firstWall.TotalSeconds:F2} s, both {wall.Elapsed.TotalSeconds:F2} s of wall time");

        Assert.True(first.Count > 100_000, $"only {first.Count} messages");
        Assert.Equal(first.Count, second.Count);
        Assert.True(first.SequenceEqual(second), "the two runs handled messages in different orders");
    }

    [Fact]
    public async Task An_ask_past_its_virtual_timeout_fails_with_a_timeout_without_waiting_on_the_wall_clock()
    {
        var wall = Stopwatch.StartNew();
        var silent = StartActor(Props.Create(() => new Recorder(new List<object>())), "silent");
        IdentifyRoot(silent);
        var virtualTimeout = TimeSpan.FromMinutes(10);

        var ask = AskVirtual<string>(silent, "anyone there?", virtualTimeout);
        Advance(virtualTimeout - TimeSpan.FromSeconds(1));
        Assert.False(ask.IsCompleted);
        Advance(TimeSpan.FromSeconds(2));

        await Assert.ThrowsAsync<AskTimeoutException>(() => Completed(ask));
        wall.Stop();
        Assert.True(wall.Elapsed < TimeSpan.FromSeconds(5), $"the spec took {wall.Elapsed} of wall time");
    }

    private List<long> RunFleetInFreshSystem()
    {
        var system = ActorSystem.Create("fleet-2", Sys.Settings.Config);
        try
        {
            var clock = (AkkaVirtualScheduler)system.Scheduler;
            return RunFleet(system, clock, clock.Dispatcher!);
        }
        finally
        {
            ((AkkaVirtualScheduler)system.Scheduler).Dispatcher!.ReleaseToThreadPool();
            system.Terminate().Wait(TimeSpan.FromSeconds(10));
        }
    }

    private static List<long> RunFleet(ActorSystem system, AkkaVirtualScheduler clock, DeterministicDispatcher dispatcher)
    {
        var log = new List<long>();
        var root = system.ActorOf(Props.Create(() => new Fleet(200, log)), "fleet");
        var identify = root.Ask<ActorIdentity>(new Identify(1), Timeout.InfiniteTimeSpan);
        while (!identify.IsCompleted)
        {
            dispatcher.Drain();
            Thread.Yield();
        }
        dispatcher.Drain();
        clock.Advance(TimeSpan.FromHours(1));
        return log;
    }

    private sealed class ReArmingTicker : ReceiveActor, IWithTimers
    {
        public ReArmingTicker(TimeSpan interval, List<TimeSpan> ticks)
        {
            Receive<Tick>(_ =>
            {
                ticks.Add(Context.System.Scheduler.MonotonicClock);
                Timers.StartSingleTimer("tick", Tick.Instance, interval);
            });
            Timers!.StartSingleTimer("tick", Tick.Instance, interval);
        }

        public ITimerScheduler Timers { get; set; } = null!;
    }

    private sealed class PeriodicPulser : ReceiveActor, IWithTimers
    {
        private readonly TimeSpan _interval;

        public PeriodicPulser(TimeSpan interval, List<TimeSpan> pulses)
        {
            _interval = interval;
            Receive<Tick>(_ => pulses.Add(Context.System.Scheduler.MonotonicClock));
        }

        public ITimerScheduler Timers { get; set; } = null!;

        protected override void PreStart() => Timers.StartPeriodicTimer("pulse", Tick.Instance, _interval);
    }

    private sealed class Piper : ReceiveActor
    {
        public Piper(int trips)
        {
            var completed = 0;
            Receive<Start>(_ =>
            {
                var scheduler = Context.System.Scheduler.Advanced;
                for (var i = 0; i < trips; i++)
                {
                    var source = new TaskCompletionSource<int>();
                    var value = i;
                    scheduler.ScheduleOnce(TimeSpan.FromSeconds(1.5 * (i + 1)), () => source.SetResult(value));
                    source.Task.PipeTo(Self);
                }
            });
            Receive<int>(_ => completed++);
            Receive<HowMany>(_ => Sender.Tell(completed));
        }

        public sealed class Start
        {
            public static readonly Start Instance = new();
        }

        public sealed class HowMany
        {
            public static readonly HowMany Instance = new();
        }
    }

    private sealed class Recorder : ReceiveActor
    {
        public Recorder(List<object> received) => ReceiveAny(received.Add);
    }

    /// <summary>Root of the fleet: children with periodic and re-arming timers that also poke a neighbour.</summary>
    private sealed class Fleet : ReceiveActor
    {
        public Fleet(int size, List<long> log)
        {
            var members = new IActorRef[size];
            for (var i = 0; i < size; i++)
            {
                var index = i;
                members[i] = Context.ActorOf(Props.Create(() => new FleetMember(index, log)), "member-" + i);
            }
            for (var i = 0; i < size; i++) members[i].Tell(new Neighbour(members[(i + 1) % size]));
        }
    }

    private sealed record Neighbour(IActorRef Ref);

    private sealed record Poke(int From);

    private sealed class FleetMember : ReceiveActor, IWithTimers
    {
        public FleetMember(int index, List<long> log)
        {
            IActorRef? neighbour = null;
            var pulse = TimeSpan.FromMilliseconds(1_000 + 37 * index);
            var rearm = TimeSpan.FromMilliseconds(500 + 13 * index);
            Receive<Neighbour>(n =>
            {
                neighbour = n.Ref;
                Timers.StartPeriodicTimer("pulse", Tick.Instance, pulse);
                Timers.StartSingleTimer("rearm", Rearm.Instance, rearm);
            });
            Receive<Tick>(_ =>
            {
                log.Add(Entry(index, 1));
                neighbour!.Tell(new Poke(index));
            });
            Receive<Rearm>(_ =>
            {
                log.Add(Entry(index, 2));
                Timers.StartSingleTimer("rearm", Rearm.Instance, rearm);
            });
            Receive<Poke>(p => log.Add(Entry(index, 3) ^ ((long)p.From << 48)));

            long Entry(int who, int kind) => (Context.System.Scheduler.MonotonicClock.Ticks << 12) ^ ((long)who << 2) ^ kind;
        }

        public ITimerScheduler Timers { get; set; } = null!;
    }

    private sealed class Tick
    {
        public static readonly Tick Instance = new();
    }

    private sealed class Rearm
    {
        public static readonly Rearm Instance = new();
    }
}
