using Akka.Actor;
using Akka.Configuration;
using Akka.Event;
using LogEvent = Serilog.Events.LogEvent;
using Miner.Actors.Akka.Introspection;
using Miner.Actors.Akka.Logging;
using Miner.Actors.Storage;
using Miner.Host.Logging;
using Miner.Host.Runtime;
using Miner.Specs.EndToEnd;
using Serilog;
using Serilog.Events;

namespace Miner.Specs.Logging;

/// <summary>
/// The miner's actor system logs through Akka.Logger.Serilog into the miner's Serilog sinks: actors' lines with their
/// structured properties and actor path, and Akka's own events (failures, dead letters, throttled). Real time; in the
/// end-to-end collection because the Serilog logger Akka writes to is process-wide.
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class AkkaSerilogSpecs : IAsyncLifetime
{
    private readonly CollectingSink _sink = new();
    private ActorSystem _system = null!;

    public Task InitializeAsync()
    {
        var logger = new LoggerConfiguration().MinimumLevel.Debug().WriteTo.Sink(_sink).CreateLogger();
        _system = MinerActorSystem.Create(Config.Empty, ConfigurationFactory.ParseString(AkkaPersistenceConfig.InMemoryHocon), logger, new LoggingOptions.DeadLetterLogOptions { LogFirst = 2, Window = TimeSpan.FromMinutes(5) });
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _system.Terminate();

    private LogEvent[] WaitFor(Func<LogEvent, bool> match, int count = 1)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (DateTime.UtcNow < deadline)
        {
            var found = _sink.Events.Where(match).ToArray();
            if (found.Length >= count) return found;
            Thread.Sleep(10);
        }
        return _sink.Events.Where(match).ToArray();
    }

    private static string Text(LogEvent e) => e.RenderMessage();

    [Fact]
    public void An_actors_line_reaches_the_sink_with_its_properties_and_its_actor_path()
    {
        _system.ActorOf(Props.Create(() => new Worker()), "worker").Tell("t1");
        var line = Assert.Single(WaitFor(e => Text(e).Contains("working on", StringComparison.Ordinal)));
        Assert.Equal(LogEventLevel.Information, line.Level);
        Assert.Equal("\"t1\"", line.Properties["TaskId"].ToString());
        Assert.Contains("/user/worker", line.Properties["ActorPath"].ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_failing_actor_is_logged_as_an_error_with_its_exception()
    {
        _system.ActorOf(Props.Create(() => new Worker()), "failing").Tell("fail");
        var error = Assert.Single(WaitFor(e => e.Exception is InvalidOperationException { Message: "the spec's failure" }));
        Assert.Equal(LogEventLevel.Error, error.Level);
    }

    [Fact]
    public async Task Dead_letters_are_logged_up_to_the_configured_count_then_counted()
    {
        var gone = _system.ActorOf(Props.Create(() => new Worker()), "gone");
        Assert.True(await gone.GracefulStop(TimeSpan.FromSeconds(5)));
        for (var i = 0; i < 5; i++) gone.Tell($"letter {i}");
        WaitFor(e => Text(e).Contains("no more dead letters will be logged", StringComparison.Ordinal));
        var letters = _sink.Events.Count(e => Text(e).Contains("was not delivered", StringComparison.Ordinal));
        Assert.Equal(2, letters);
    }

    private sealed class Worker : IntrospectiveReceiveActor
    {
        public Worker()
        {
            Receive<string>(m => m == "fail", _ => throw new InvalidOperationException("the spec's failure"));
            Receive<string>(m => Log.With("TaskId", m).Info("working on {TaskId}", m));
        }
    }
}
