using Miner.Actors.Kernel;
using Miner.Specs.TestKit;
using static Miner.Specs.Kernel.SpecActors;

namespace Miner.Specs.Kernel;

/// <summary>Checklist rows 5 and 28: Ask with a mandatory timeout, and pipe-to instead of awaiting in handlers.</summary>
public sealed class AskAndPipeToSpec : ActorSpec
{
    private IActorRef NewEcho(string name = "echo") => Sys.ActorOf(Props.Create(() => new Echo()), name);

    [Fact]
    public void Ask_completes_with_a_reply_of_the_expected_type()
    {
        Assert.Equal("pong", Await(NewEcho().Ask<string>("pong", TimeSpan.FromSeconds(5))));
    }

    [Fact]
    public void Ask_faults_with_the_cause_of_a_Status_Failure_reply()
    {
        var task = NewEcho().Ask<string>(new Status.Failure(new TimeoutException("backend")), TimeSpan.FromSeconds(5));
        Assert.Throws<TimeoutException>(() => Await(task));
    }

    [Fact]
    public void Ask_faults_with_ArgumentException_on_a_reply_of_another_type()
    {
        var task = NewEcho().Ask<string>(42, TimeSpan.FromSeconds(5));
        Assert.Throws<ArgumentException>(() => Await(task));
    }

    [Fact]
    public void Ask_times_out_on_the_virtual_clock()
    {
        var silent = Sys.ActorOf(Props.Create(() => new Silent()), "silent");
        var task = silent.Ask<string>("anyone?", TimeSpan.FromSeconds(12));
        Advance(TimeSpan.FromSeconds(11));
        Assert.False(task.IsCompleted);
        Advance(TimeSpan.FromSeconds(1));
        Assert.Throws<AskTimeoutException>(() => Await(task));
    }

    [Fact]
    public void Ask_refuses_a_zero_timeout()
    {
        var echo = NewEcho();
        Assert.Throws<ArgumentOutOfRangeException>(() => { _ = echo.Ask<string>("x", TimeSpan.Zero); });
    }

    [Fact]
    public void A_late_reply_to_an_Ask_becomes_a_dead_letter()
    {
        var silent = Sys.ActorOf(Props.Create(() => new Silent()), "late");
        var task = silent.Ask<string>("question", TimeSpan.FromSeconds(1));
        Drain();
        Advance(TimeSpan.FromSeconds(1));
        Assert.Throws<AskTimeoutException>(() => Await(task));
        var letters = EventFilter.DeadLetters(1, () => silent.Tell("answer-now"));
        Assert.Equal("too late", letters[0].Message);
    }

    [Fact]
    public void Cancelling_an_Ask_cancels_its_task()
    {
        using var cancel = new CancellationTokenSource();
        var task = Sys.ActorOf(Props.Create(() => new Silent()), "cancelled").Ask<string>("q", TimeSpan.FromMinutes(1), cancel.Token);
        cancel.Cancel();
        Assert.True(task.IsCanceled);
    }

    [Fact]
    public void An_exception_thrown_by_the_target_does_not_reach_the_asker()
    {
        var task = NewEcho().Ask<string>(Boom.With("handled by the supervisor"), TimeSpan.FromSeconds(2));
        Drain();
        Advance(TimeSpan.FromSeconds(2));
        Assert.Throws<AskTimeoutException>(() => Await(task));
    }

    [Fact]
    public void A_piped_result_arrives_as_a_message_while_the_actor_keeps_answering()
    {
        var backend = new TaskCompletionSource<int>();
        var actor = Sys.ActorOf(Props.Create(() => new PipesWork(backend.Task, TestActor.Ref)), "piper");
        actor.Tell("start");
        TestActor.Send(actor, "status");
        TestActor.ExpectMsg("busy");
        backend.SetResult(7);
        TestActor.ExpectMsg("result 7");
    }

    [Fact]
    public void A_piped_failure_arrives_as_Status_Failure()
    {
        var backend = new TaskCompletionSource<int>();
        Sys.ActorOf(Props.Create(() => new PipesWork(backend.Task, TestActor.Ref)), "piper").Tell("start");
        Drain();
        backend.SetException(new HttpRequestException("backend down"));
        Assert.IsType<HttpRequestException>(TestActor.ExpectMsg<Status.Failure>().Cause);
    }

    private sealed class Silent : ReceiveActor
    {
        private IActorRef? _asker;

        public Silent()
        {
            Receive<string>(s => s == "answer-now", _ => _asker!.Tell("too late"));
            Receive<string>(_ => _asker = Sender);
        }
    }

    private sealed class PipesWork : ReceiveActor
    {
        public PipesWork(Task<int> work, IActorRef report)
        {
            Receive<string>(s => s == "start", _ => work.PipeTo(Self, success: r => $"result {r}"));
            Receive<string>(s => s == "status", _ => Sender.Tell("busy"));
            Receive<string>(s => report.Tell(s));
            Receive<Status.Failure>(f => report.Tell(f));
        }
    }
}
