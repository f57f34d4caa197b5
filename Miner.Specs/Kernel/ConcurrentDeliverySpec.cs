using Miner.Actors.Kernel;
using Miner.Specs.TestKit;

namespace Miner.Specs.Kernel;

/// <summary>Checklist rows 1 and 4 on the thread pool: per-sender order holds under concurrency, one message at a time.</summary>
public sealed class ConcurrentDeliverySpec() : ActorSpec(realThreads: true)
{
    [Fact]
    public void Messages_from_each_of_many_concurrent_senders_stay_in_order_and_are_handled_one_at_a_time()
    {
        const int senders = 8, perSender = 20_000;
        var checker = Sys.ActorOf(Props.Create(() => new OrderChecker(senders)), "checker");
        Parallel.For(0, senders, s =>
        {
            for (var i = 0; i < perSender; i++) checker.Tell(new Numbered(s, i));
        });
        TestActor.Send(checker, "report");
        var report = TestActor.ExpectMsg<string>(timeout: TimeSpan.FromSeconds(30));
        Assert.Equal($"received {senders * perSender}, out of order 0, overlapping 0", report);
    }

    private sealed record Numbered(int Sender, int Sequence);

    private sealed class OrderChecker : ReceiveActor
    {
        private readonly int[] _next;
        private int _received, _outOfOrder, _inside, _overlapping;

        public OrderChecker(int senders)
        {
            _next = new int[senders];
            Receive<Numbered>(n =>
            {
                if (Interlocked.Increment(ref _inside) != 1) _overlapping++;
                if (n.Sequence != _next[n.Sender]) _outOfOrder++;
                _next[n.Sender] = n.Sequence + 1;
                _received++;
                Interlocked.Decrement(ref _inside);
            });
            Receive<string>(_ => Sender.Tell($"received {_received}, out of order {_outOfOrder}, overlapping {_overlapping}"));
        }
    }
}
