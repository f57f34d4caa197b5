using System.Collections.Immutable;

namespace Miner.Actors.Kernel;

/// <summary>
/// An actor's logger: publishes <see cref="LogEvent"/>s with the actor path as source and any structured
/// properties added with <see cref="With"/> (task id, validator uid, stage).
/// </summary>
public sealed class ActorLog
{
    private readonly EventStream _stream;
    private readonly IClock _clock;
    private readonly string _source;
    private readonly ImmutableDictionary<string, object?> _properties;

    internal ActorLog(EventStream stream, IClock clock, string source, ImmutableDictionary<string, object?>? properties = null)
    {
        _stream = stream;
        _clock = clock;
        _source = source;
        _properties = properties ?? ImmutableDictionary<string, object?>.Empty;
    }

    /// <summary>A logger that adds <paramref name="name"/> = <paramref name="value"/> to every event.</summary>
    public ActorLog With(string name, object? value) => new(_stream, _clock, _source, _properties.SetItem(name, value));

    public void Debug(string template, params object?[] args) => Write(LogLevel.Debug, null, template, args);
    public void Info(string template, params object?[] args) => Write(LogLevel.Information, null, template, args);
    public void Warning(string template, params object?[] args) => Write(LogLevel.Warning, null, template, args);
    public void Error(Exception? exception, string template, params object?[] args) => Write(LogLevel.Error, exception, template, args);

    public void Write(LogLevel level, Exception? exception, string template, params object?[] args) =>
        _stream.Publish(new LogEvent(_clock.UtcNow, level, _source, template, args, exception, _properties));
}
