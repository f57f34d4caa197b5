using Miner.Actors.Kernel;
using Xunit.Sdk;

namespace Miner.Specs.TestKit;

/// <summary>Counts events published on the event stream while a block runs (log lines, dead letters, ...).</summary>
public sealed class EventFilter(ActorSpec kit)
{
    /// <summary>Runs <paramref name="block"/>, drains, and asserts exactly <paramref name="count"/> matching events were published.</summary>
    public IReadOnlyList<T> Expect<T>(int count, Action block, Func<T, bool>? where = null)
    {
        var seen = Collect(block, where);
        if (seen.Count != count)
            throw new XunitException($"expected {count} {typeof(T).Name} event(s) but saw {seen.Count}: {string.Join("; ", seen)}");
        return seen;
    }

    public IReadOnlyList<DeadLetter> DeadLetters(int count, Action block, Func<DeadLetter, bool>? where = null) =>
        Expect(count, block, where);

    /// <summary>Asserts <paramref name="count"/> log events at <paramref name="level"/> carrying a <typeparamref name="TException"/>.</summary>
    public IReadOnlyList<LogEvent> Exception<TException>(int count, Action block, LogLevel level = LogLevel.Error) where TException : Exception =>
        Expect<LogEvent>(count, block, e => e.Level == level && e.Exception is TException);

    /// <summary>Asserts <paramref name="count"/> log events at <paramref name="level"/> whose rendered text contains <paramref name="text"/>.</summary>
    public IReadOnlyList<LogEvent> Log(LogLevel level, string text, int count, Action block) =>
        Expect<LogEvent>(count, block, e => e.Level == level && e.Render().Contains(text, StringComparison.Ordinal));

    public List<T> Collect<T>(Action block, Func<T, bool>? where = null)
    {
        var seen = new List<T>();
        using (kit.Sys.EventStream.Subscribe<T>(e =>
               {
                   if (where is null || where(e))
                       lock (seen) seen.Add(e);
               }))
        {
            block();
            kit.Drain();
        }
        lock (seen) return seen.ToList();
    }
}
