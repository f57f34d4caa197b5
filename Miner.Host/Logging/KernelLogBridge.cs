using Miner.Actors.Kernel;
using Serilog;
using Serilog.Events;
using KernelLevel = Miner.Actors.Kernel.LogLevel;
using LogEvent = Miner.Actors.Kernel.LogEvent;

namespace Miner.Host.Logging;

/// <summary>
/// Routes the kernel's event stream into Serilog: actor log events with their structured properties
/// (task id, validator uid, stage...), supervision decisions, unhandled messages, and dead letters, the last
/// throttled to the first N per window with a count of what was suppressed.
/// </summary>
public sealed class KernelLogBridge : IDisposable
{
    private readonly ILogger _logger;
    private readonly IClock _clock;
    private readonly LoggingOptions.DeadLetterLogOptions _deadLetters;
    private readonly List<IDisposable> _subscriptions = new();
    private readonly object _gate = new();
    private DateTimeOffset _windowStart = DateTimeOffset.MinValue;
    private int _loggedInWindow;
    private int _suppressedInWindow;

    public KernelLogBridge(ActorSystem system, ILogger logger, LoggingOptions.DeadLetterLogOptions deadLetters)
    {
        _logger = logger;
        _clock = system.Scheduler;
        _deadLetters = deadLetters;
        _subscriptions.Add(system.EventStream.Subscribe<LogEvent>(Write));
        _subscriptions.Add(system.EventStream.Subscribe<DeadLetter>(Write));
        _subscriptions.Add(system.EventStream.Subscribe<UnhandledMessage>(Write));
    }

    public void Dispose()
    {
        foreach (var subscription in _subscriptions) subscription.Dispose();
        FlushSuppressed();
    }

    private void Write(LogEvent e)
    {
        var logger = _logger.ForContext("SourceContext", e.Source);
        foreach (var (name, value) in e.Properties) logger = logger.ForContext(name, value, destructureObjects: false);
        logger.Write(Map(e.Level), e.Exception, e.Template, e.Arguments);
    }

    private void Write(UnhandledMessage e) =>
        _logger.ForContext("SourceContext", e.Recipient.Path.ToString())
            .Debug("Unhandled message {MessageType} from {Sender}", e.Message.GetType().Name, e.Sender.Path.ToString());

    private void Write(DeadLetter e)
    {
        if (_deadLetters.LogFirst <= 0) return;
        lock (_gate)
        {
            var now = _clock.UtcNow;
            if (now - _windowStart >= _deadLetters.Window)
            {
                FlushSuppressedLocked();
                _windowStart = now;
                _loggedInWindow = 0;
            }
            if (_loggedInWindow >= _deadLetters.LogFirst)
            {
                _suppressedInWindow++;
                return;
            }
            _loggedInWindow++;
        }
        _logger.ForContext("SourceContext", "dead-letters")
            .Information("Dead letter {MessageType} from {Sender} to {Recipient}", e.Message.GetType().Name, e.Sender.Path.ToString(), e.Recipient.Path.ToString());
    }

    private void FlushSuppressed()
    {
        lock (_gate) FlushSuppressedLocked();
    }

    private void FlushSuppressedLocked()
    {
        if (_suppressedInWindow == 0) return;
        _logger.ForContext("SourceContext", "dead-letters")
            .Information("{Count} further dead letters were not logged (limit {Limit} per {Window})", _suppressedInWindow, _deadLetters.LogFirst, _deadLetters.Window);
        _suppressedInWindow = 0;
    }

    private static LogEventLevel Map(KernelLevel level) => level switch
    {
        KernelLevel.Debug => LogEventLevel.Debug,
        KernelLevel.Information => LogEventLevel.Information,
        KernelLevel.Warning => LogEventLevel.Warning,
        _ => LogEventLevel.Error,
    };
}
