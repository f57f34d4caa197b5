using Akka.Event;
using Miner.Specs.Logging;
using Serilog;
using Serilog.Core;
using Serilog.Events;
using AkkaLogEvent = Akka.Event.LogEvent;
using SerilogLogEvent = Serilog.Events.LogEvent;

namespace Miner.Specs.Generation.Fakes;

/// <summary>
/// An Akka log event as the miner's Serilog sinks receive it. The actors log through Akka.Logger.Serilog's adapter,
/// which publishes its message template, arguments and <c>ForContext</c> properties on the event stream; this binds
/// them with a private Serilog logger (as Akka.Logger.Serilog's <c>SerilogLogger</c> does with the global one), so a
/// spec can read the structured properties and the rendered line.
/// </summary>
internal static class AkkaLogEvents
{
    public static SerilogLogEvent AsSerilog(this AkkaLogEvent e)
    {
        var message = e.Message;
        IEnumerable<ILogEventEnricher> enrichers = [];
        // Akka.Logger.Serilog wraps the message and the ForContext enrichers in its internal SerilogPayload struct.
        if (message.GetType() is { FullName: "Akka.Logger.Serilog.SerilogPayload" } payload)
        {
            enrichers = (IEnumerable<ILogEventEnricher>)payload.GetProperty("Enrichers")!.GetValue(message)!;
            message = payload.GetProperty("Message")!.GetValue(message)!;
        }
        var (template, args) = message is LogMessage logMessage
            ? (logMessage.Format, logMessage.Parameters().ToArray())
            : ("{Message:l}", new[] { message });
        var sink = new CollectingSink();
        using (var logger = new LoggerConfiguration().MinimumLevel.Verbose().WriteTo.Sink(sink).CreateLogger())
            logger.ForContext(enrichers).Write(Level(e.LogLevel()), e.Cause, template, args);
        return Assert.Single(sink.Events);
    }

    /// <summary>The event's structured properties, scalars unwrapped to their values.</summary>
    public static IReadOnlyDictionary<string, object?> Properties(this AkkaLogEvent e) =>
        e.AsSerilog().Properties.ToDictionary(p => p.Key, p => p.Value is ScalarValue scalar ? scalar.Value : (object?)p.Value.ToString());

    /// <summary>The rendered line, as a sink writes it.</summary>
    public static string Render(this AkkaLogEvent e) => e.AsSerilog().RenderMessage();

    private static LogEventLevel Level(LogLevel level) => level switch
    {
        LogLevel.DebugLevel => LogEventLevel.Debug,
        LogLevel.InfoLevel => LogEventLevel.Information,
        LogLevel.WarningLevel => LogEventLevel.Warning,
        _ => LogEventLevel.Error,
    };
}
