using Akka.Event;
using Akka.Logger.Serilog;

namespace Miner.Actors.Akka.Logging;

/// <summary>Structured properties on an actor's log (TaskId, ValidatorUid, Card…), kept as Serilog properties.</summary>
public static class LogProperties
{
    /// <summary>A log that adds <paramref name="name"/> = <paramref name="value"/> to every event it writes.</summary>
#pragma warning disable CS0618 // The named replacement, ILoggingAdapter.WithContext, is not in Akka 1.5.75.
    public static ILoggingAdapter With(this ILoggingAdapter log, string name, object? value) =>
        log.ForContext(name, value ?? "");
#pragma warning restore CS0618
}
