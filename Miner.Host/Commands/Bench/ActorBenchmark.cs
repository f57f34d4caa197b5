using System.Diagnostics;
using Akka.Actor;
using Akka.Configuration;

namespace Miner.Host.Commands.Bench;

/// <summary>
/// `miner bench actors`: message throughput of Akka.NET 1.5.75 on its default thread-pool dispatcher with the
/// miner's messages per mailbox turn: one producer to one receiver, eight producers to one receiver (the fan-in the
/// router sees), and request/reply pairs with a window of messages in flight.
/// </summary>
public sealed class ActorBenchmark(int throughput)
{
    /// <summary>One measured scenario.</summary>
    public sealed record Result(string Scenario, long Messages, double Seconds, double PerSecond, string Unit);

    private const int Batch = 100;

    public IReadOnlyList<Result> Run(long messages = 10_000_000, int pairs = 0, int inFlight = 100)
    {
        pairs = pairs > 0 ? pairs : Environment.ProcessorCount * 4;
        FanIn("warmup", 8, 200_000);
        PingPong(4, 10, 100_000);
        return
        [
            FanIn("one-to-one", senders: 1, messages),
            FanIn("many-to-one (8 senders)", senders: 8, messages),
            PingPong(pairs, inFlight, messages / 2),
        ];
    }

    private ActorSystem Start() => ActorSystem.Create("bench", ConfigurationFactory.ParseString($$"""
        akka.loglevel = WARNING
        akka.stdout-loglevel = WARNING
        akka.actor.default-dispatcher.throughput = {{throughput}}
        """));

    private Result FanIn(string name, int senders, long messages)
    {
        var system = Start();
        try
        {
            var perSender = messages / senders;
            var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var receiver = system.ActorOf(Props.Create(() => new Counter(perSender * senders, done)), "receiver");
            var producers = Enumerable.Range(0, senders)
                .Select(i => system.ActorOf(Props.Create(() => new Producer(receiver, perSender)), "sender-" + i))
                .ToArray();
            var clock = Stopwatch.StartNew();
            foreach (var producer in producers) producer.Tell(Go.Instance);
            done.Task.Wait();
            clock.Stop();
            var total = perSender * senders;
            return new Result(name, total, clock.Elapsed.TotalSeconds, total / clock.Elapsed.TotalSeconds, "msg/s");
        }
        finally
        {
            system.Terminate().Wait(TimeSpan.FromSeconds(10));
        }
    }

    private Result PingPong(int pairs, int inFlight, long roundTrips)
    {
        var system = Start();
        try
        {
            var perPair = roundTrips / pairs;
            var remaining = pairs;
            var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            // Akka's Props.Create takes an expression tree, which cannot capture a local function.
            Action pairDone = () =>
            {
                if (Interlocked.Decrement(ref remaining) == 0) done.TrySetResult();
            };
            var pingers = Enumerable.Range(0, pairs).Select(i =>
            {
                var ponger = system.ActorOf(Props.Create(() => new Ponger()), "pong-" + i);
                return system.ActorOf(Props.Create(() => new Pinger(ponger, perPair, inFlight, pairDone)), "ping-" + i);
            }).ToArray();
            var clock = Stopwatch.StartNew();
            foreach (var pinger in pingers) pinger.Tell(Go.Instance);
            done.Task.Wait();
            clock.Stop();
            var total = perPair * pairs;
            return new Result($"ping-pong ({pairs} pairs, {inFlight} in flight)", total, clock.Elapsed.TotalSeconds,
                total / clock.Elapsed.TotalSeconds, "round trips/s");
        }
        finally
        {
            system.Terminate().Wait(TimeSpan.FromSeconds(10));
        }
    }

    private sealed class Go
    {
        public static readonly Go Instance = new();
    }

    private sealed class Payload
    {
        public static readonly Payload Instance = new();
    }

    private sealed class Producer : ReceiveActor
    {
        public Producer(IActorRef target, long count)
        {
            var left = count;
            Receive<Go>(_ =>
            {
                var batch = Math.Min(Batch, left);
                for (var i = 0; i < batch; i++) target.Tell(Payload.Instance);
                left -= batch;
                if (left > 0) Self.Tell(Go.Instance);
            });
        }
    }

    private sealed class Counter : ReceiveActor
    {
        public Counter(long expected, TaskCompletionSource done)
        {
            long seen = 0;
            Receive<Payload>(_ =>
            {
                if (++seen == expected) done.TrySetResult();
            });
        }
    }

    private sealed class Ponger : ReceiveActor
    {
        public Ponger() => Receive<Payload>(p => Sender.Tell(p));
    }

    private sealed class Pinger : ReceiveActor
    {
        public Pinger(IActorRef ponger, long roundTrips, int inFlight, Action done)
        {
            long sent = 0, received = 0;
            Receive<Go>(_ =>
            {
                for (var i = 0; i < inFlight && sent < roundTrips; i++, sent++) ponger.Tell(Payload.Instance);
            });
            Receive<Payload>(p =>
            {
                if (++received == roundTrips) done();
                if (sent < roundTrips)
                {
                    sent++;
                    ponger.Tell(p);
                }
            });
        }
    }
}
