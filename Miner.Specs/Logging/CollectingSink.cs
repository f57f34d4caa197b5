using Serilog.Core;
using Serilog.Events;

namespace Miner.Specs.Logging;

/// <summary>A Serilog sink that keeps events in memory for assertions.</summary>
public sealed class CollectingSink : ILogEventSink
{
    private readonly List<LogEvent> _events = new();

    public IReadOnlyList<LogEvent> Events
    {
        get { lock (_events) return _events.ToArray(); }
    }

    public void Emit(LogEvent logEvent)
    {
        lock (_events) _events.Add(logEvent);
    }
}
