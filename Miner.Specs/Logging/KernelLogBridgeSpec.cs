using Miner.Actors.Kernel;
using Miner.Host.Logging;
using Miner.Specs.TestKit;
using Serilog;
using Serilog.Events;

namespace Miner.Specs.Logging;

public sealed class KernelLogBridgeSpec : ActorSpec
{
    private readonly CollectingSink _sink = new();
    private readonly KernelLogBridge _bridge;

    public KernelLogBridgeSpec()
    {
        var logger = new LoggerConfiguration().MinimumLevel.Verbose().WriteTo.Sink(_sink).CreateLogger();
        _bridge = new KernelLogBridge(Sys, logger, new LoggingOptions.DeadLetterLogOptions { LogFirst = 2, Window = TimeSpan.FromMinutes(1) });
    }

    public override void Dispose()
    {
        _bridge.Dispose();
        base.Dispose();
    }

    [Fact]
    public void An_actor_log_line_keeps_its_structured_properties_and_source()
    {
        var actor = Sys.ActorOf(Props.Create(() => new TaskLogger()), "gpu-0");
        actor.Tell("task-42");
        Drain();
        var e = Assert.Single(_sink.Events, x => x.MessageTemplate.Text.StartsWith("Stage", StringComparison.Ordinal));
        Assert.Equal(LogEventLevel.Information, e.Level);
        Assert.Equal("\"task-42\"", e.Properties["TaskId"].ToString());
        Assert.Equal("7", e.Properties["ValidatorUid"].ToString());
        Assert.Equal("\"/user/gpu-0\"", e.Properties["SourceContext"].ToString());
        Assert.Equal("Stage \"mask\" took 120 ms", e.RenderMessage());
    }

    [Fact]
    public void A_supervision_restart_is_logged_as_an_error_with_its_exception()
    {
        var actor = Sys.ActorOf(Props.Create(() => new TaskLogger()), "flaky");
        actor.Tell(42);
        Drain();
        var e = Assert.Single(_sink.Events, x => x.Level == LogEventLevel.Error);
        Assert.IsType<InvalidOperationException>(e.Exception);
        Assert.Contains("Restart", e.RenderMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void Dead_letters_beyond_the_limit_are_counted_and_summarised_once_the_window_ends()
    {
        for (var i = 0; i < 5; i++) Sys.DeadLetters.Tell($"letter {i}");
        Assert.Equal(2, _sink.Events.Count(e => e.MessageTemplate.Text.StartsWith("Dead letter", StringComparison.Ordinal)));
        Advance(TimeSpan.FromMinutes(1));
        Sys.DeadLetters.Tell("next window");
        Assert.Contains(_sink.Events, e => e.RenderMessage().StartsWith("3 further dead letters", StringComparison.Ordinal));
        Assert.Equal(3, _sink.Events.Count(e => e.MessageTemplate.Text.StartsWith("Dead letter", StringComparison.Ordinal)));
    }

    private sealed class TaskLogger : ReceiveActor
    {
        public TaskLogger()
        {
            Receive<string>(id => Log.With("TaskId", id).With("ValidatorUid", 7).Info("Stage {Stage} took {Millis} ms", "mask", 120));
            Receive<int>(_ => throw new InvalidOperationException("stage crashed"));
        }
    }
}
