using Akka.Actor;
using Akka.Configuration;
using Miner.Actors.Akka.Serialization;
using Miner.Host.Logging;

namespace Miner.Host.Runtime;

/// <summary>
/// Starts the miner's Akka.NET actor system. Configuration, strongest first: the operator's <c>akka { }</c> section
/// (rendered from the miner's own HOCON files), the persistence plugins, then the miner's defaults below. Akka's own
/// events (supervision, dead letters, later cluster membership) go through Akka.Logger.Serilog to the miner's Serilog
/// sinks, with the actor path.
/// </summary>
public static class MinerActorSystem
{
    /// <summary>
    /// The miner's defaults. Signals are handled by the program (it runs coordinated shutdown itself), so Akka's
    /// process-exit hook is off; dead letters are logged at most N per window (<c>logging.dead-letters</c>).
    /// </summary>
    private const string Defaults = """
        akka {
          loggers = ["Akka.Logger.Serilog.SerilogLogger, Akka.Logger.Serilog"]
          logger-formatter = "Akka.Logger.Serilog.SerilogLogMessageFormatter, Akka.Logger.Serilog"
          loglevel = INFO
          stdout-loglevel = WARNING
          log-dead-letters-during-shutdown = off
          coordinated-shutdown.run-by-clr-shutdown-hook = off
          coordinated-shutdown.exit-clr = off
          actor.debug.unhandled = on
        }
        """;

    /// <summary>Creates the system named <c>miner</c> with <paramref name="logger"/> as the Serilog logger Akka writes to.</summary>
    public static ActorSystem Create(Config operatorAkka, Config persistence, Serilog.ILogger logger, LoggingOptions.DeadLetterLogOptions deadLetters)
    {
        ArgumentNullException.ThrowIfNull(deadLetters);
        // Akka.Logger.Serilog writes to the static logger.
        Serilog.Log.Logger = logger;
        var throttle = ConfigurationFactory.ParseString($"""
            akka.log-dead-letters = {deadLetters.LogFirst}
            akka.log-dead-letters-suspend-duration = {(long)deadLetters.Window.TotalMilliseconds}ms
            """);
        var config = operatorAkka
            .WithFallback(persistence)
            .WithFallback(throttle)
            .WithFallback(ConfigurationFactory.ParseString(Defaults))
            .WithFallback(MinerJsonSerializer.Hocon);
        return ActorSystem.Create("miner", config);
    }
}
