namespace Miner.Actors.Akka.Introspection;

/// <summary>
/// Asks an actor for its report and, through it, for its children's. <paramref name="Deadline"/> is on the actor
/// system's scheduler clock (<c>Scheduler.Now</c>, virtual in specs): the actor answers by then with whatever its
/// children sent. <paramref name="RequestId"/> comes back in <see cref="IntrospectReply"/>.
/// </summary>
public sealed record Introspect(DateTimeOffset Deadline, long RequestId = 0);

/// <summary>The answer to <see cref="Introspect"/>.</summary>
public sealed record IntrospectReply(long RequestId, ActorReport Report);

/// <summary>
/// One actor and the subtree under it, as seen between two of its messages.
/// </summary>
/// <param name="Path">The path without address (<c>/user/root/child</c>).</param>
/// <param name="ActorType">The actor class's name.</param>
/// <param name="State">The actor's one-line <c>DescribeState()</c>.</param>
/// <param name="MailboxDepth">Messages queued behind the Introspect when it was handled.</param>
/// <param name="StashSize">Stashed messages; null when the actor does not stash.</param>
/// <param name="Restarts">Restarts of this actor since it was created (kept across incarnations).</param>
/// <param name="Timers">Keys of the active timers, sorted.</param>
/// <param name="Children">Reports of the children that answered, sorted by path.</param>
/// <param name="Unresponsive">Children that gave no report, sorted by path.</param>
public sealed record ActorReport(
    string Path,
    string ActorType,
    string State,
    int MailboxDepth,
    int? StashSize,
    int Restarts,
    IReadOnlyList<string> Timers,
    IReadOnlyList<ActorReport> Children,
    IReadOnlyList<UnresponsiveActor> Unresponsive)
{
    /// <summary>This report and every report under it, depth first in path order.</summary>
    public IEnumerable<ActorReport> All()
    {
        yield return this;
        foreach (var child in Children)
            foreach (var report in child.All())
                yield return report;
    }

    /// <summary>Every unresponsive actor anywhere in the tree.</summary>
    public IEnumerable<UnresponsiveActor> AllUnresponsive() => All().SelectMany(r => r.Unresponsive);

    /// <summary>The report of the actor at <paramref name="path"/> (without address), or null.</summary>
    public ActorReport? Find(string path) => All().FirstOrDefault(r => r.Path == path);
}

/// <summary>A child that gave no report: it did not answer in time, or it is not introspective.</summary>
/// <param name="Path">The path without address.</param>
/// <param name="ActorType">The actor class's name where known.</param>
/// <param name="Reason">"no answer within 00:00:00.8000000", or "not introspective".</param>
public sealed record UnresponsiveActor(string Path, string? ActorType, string Reason);
