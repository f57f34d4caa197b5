using System.Text;
using Akka.Actor;

namespace Miner.Actors.Akka.Introspection;

/// <summary>Takes a snapshot of an actor tree through the <see cref="Introspect"/> protocol, and renders it.</summary>
public static class IntrospectionClient
{
    /// <summary>
    /// Asks <paramref name="root"/> (a local actor) for its tree. The root is given <paramref name="timeout"/> on
    /// the system's scheduler clock and answers before it with what its subtree sent; the ask is cancelled through
    /// the same scheduler, so it also works on virtual time. Throws <see cref="AskTimeoutException"/> when the root
    /// itself does not answer (it is busy, stopped, or not introspective).
    /// </summary>
    public static Task<ActorReport> SnapshotAsync(IActorRef root, TimeSpan timeout)
    {
        var system = root is ActorRefWithCell { Underlying: { } cell }
            ? cell.System
            : throw new ArgumentException($"{root.Path} is not a local actor; use the overload that takes the system", nameof(root));
        return SnapshotAsync(system, root, timeout);
    }

    /// <inheritdoc cref="SnapshotAsync(IActorRef, TimeSpan)" />
    public static async Task<ActorReport> SnapshotAsync(ActorSystem system, IActorRef root, TimeSpan timeout)
    {
        // Not disposed: the scheduled cancel may fire on the scheduler's thread while this method finishes on
        // another, and a Cancel on a disposed source throws there (it has no timer or wait handle to release).
        var cts = new CancellationTokenSource();
        var timedOut = false;
        var deadline = system.Scheduler.Now + timeout;
        var cancel = system.Scheduler.Advanced.ScheduleOnceCancelable(timeout, () =>
        {
            timedOut = true;
            cts.Cancel();
        });
        try
        {
            var reply = await root.Ask<IntrospectReply>(new Introspect(deadline), Timeout.InfiniteTimeSpan, cts.Token)
                .ConfigureAwait(false);
            return reply.Report;
        }
        catch (OperationCanceledException) when (timedOut)
        {
            throw new AskTimeoutException($"{root.Path.ToStringWithoutAddress()} gave no report within {timeout}");
        }
        finally
        {
            cancel.Cancel();
        }
    }

    /// <summary>
    /// The tree as plain text, one line per actor, children indented by two spaces under their parent:
    /// path, type, state, mailbox, stash, restarts, timers; an unresponsive child as <c>! path (type): reason</c>.
    /// </summary>
    public static string Render(ActorReport root)
    {
        var text = new StringBuilder();
        Render(root, 0, text);
        return text.ToString();
    }

    private static void Render(ActorReport report, int depth, StringBuilder text)
    {
        var indent = new string(' ', depth * 2);
        text.Append(indent).Append(report.Path).Append("  ").Append(report.ActorType)
            .Append("  state=").Append(report.State.Length == 0 ? "-" : report.State)
            .Append("  mailbox=").Append(report.MailboxDepth)
            .Append("  stash=").Append(report.StashSize?.ToString() ?? "-")
            .Append("  restarts=").Append(report.Restarts)
            .Append("  timers=").Append(report.Timers.Count == 0 ? "-" : string.Join(",", report.Timers))
            .Append('\n');
        foreach (var child in report.Children) Render(child, depth + 1, text);
        foreach (var gone in report.Unresponsive)
            text.Append(indent).Append("  ! ").Append(gone.Path).Append(" (").Append(gone.ActorType ?? "?").Append("): ")
                .Append(gone.Reason).Append('\n');
    }
}
