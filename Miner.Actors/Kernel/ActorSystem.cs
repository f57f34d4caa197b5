namespace Miner.Actors.Kernel;

/// <summary>
/// Hosts an actor tree: "/" (root guardian), "/user" (parent of everything <see cref="ActorOf"/> creates),
/// the scheduler, the dispatcher, the event stream and dead letters.
/// </summary>
public sealed class ActorSystem : IAsyncDisposable
{
    private readonly ActorCell _root;
    private readonly ActorCell _user;
    private readonly TaskCompletionSource _terminated = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long _uidCounter = Random.Shared.NextInt64(1, long.MaxValue / 2);
    private long _askCounter;
    private CoordinatedShutdown? _shutdown;

    private ActorSystem(string name, ActorSystemSettings settings)
    {
        Name = name;
        Settings = settings;
        Scheduler = settings.Scheduler ?? RealScheduler.Instance;
        Dispatcher = settings.Dispatcher ?? new ThreadPoolDispatcher(settings.Throughput);
        EventStream = new EventStream();
        DeadLetters = new DeadLettersRef(this);
        _root = new ActorCell(this, Props.Create(() => new Guardian(SupervisorStrategy.Stopping, isRoot: true)), null, "", NewUid());
        _root.Mailbox.PostSystem(new SystemMessage.Create());
        var userProps = Props.Create(() => new Guardian(settings.GuardianStrategy ?? SupervisorStrategy.Default, isRoot: false));
        _user = ((LocalActorRef)_root.ActorOf(userProps, "user")).Cell;
    }

    public static ActorSystem Create(string name, ActorSystemSettings? settings = null) => new(name, settings ?? new ActorSystemSettings());

    public string Name { get; }
    public ActorSystemSettings Settings { get; }
    public IScheduler Scheduler { get; }
    public IDispatcher Dispatcher { get; }
    public EventStream EventStream { get; }
    public IActorRef DeadLetters { get; }
    public Task WhenTerminated => _terminated.Task;
    public CoordinatedShutdown CoordinatedShutdown => LazyInitializer.EnsureInitialized(ref _shutdown, () => new CoordinatedShutdown(this));

    /// <summary>Creates a top-level actor under /user.</summary>
    public IActorRef ActorOf(Props props, string? name = null) => _user.ActorOf(props, name);

    public void Stop(IActorRef actor) => _user.Stop(actor);

    /// <summary>Stops every actor (children before parents) and completes <see cref="WhenTerminated"/>.</summary>
    public Task Terminate()
    {
        _user.Mailbox.PostSystem(new SystemMessage.Terminate());
        return WhenTerminated;
    }

    /// <summary>
    /// <see cref="Terminate"/>, waiting at most <paramref name="timeout"/> (scheduler time): a process that must exit
    /// (a service manager's stop) is not held by one stuck handler, and learns which actors did not answer.
    /// </summary>
    public async Task<TerminationReport> TerminateWithin(TimeSpan timeout)
    {
        var terminated = Terminate();
        var deadline = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Scheduler.ScheduleOnce(timeout, () => deadline.TrySetResult());
        if (await Task.WhenAny(terminated, deadline.Task).ConfigureAwait(false) == terminated) return TerminationReport.InTime;
        var tree = await SnapshotAsync(TimeSpan.FromSeconds(2)).ConfigureAwait(false);
        return new TerminationReport(terminated.IsCompleted, tree.Actors.Where(a => a.State == ActorState.Unresponsive).ToList());
    }

    /// <summary>
    /// Asks every actor for its figures through a system message (answered between two of its messages) and
    /// returns them sorted by path; an actor that does not answer within <paramref name="timeout"/> is listed
    /// as <see cref="ActorState.Unresponsive"/> with its last known figures.
    /// </summary>
    public Task<ActorTreeSnapshot> SnapshotAsync(TimeSpan timeout)
    {
        var cells = new List<ActorCell>();
        Collect(_user, cells);
        var answers = new ActorSnapshot?[cells.Count];
        var remaining = cells.Count;
        var finished = 0;
        var result = new TaskCompletionSource<ActorTreeSnapshot>(TaskCreationOptions.RunContinuationsAsynchronously);
        ICancelable? deadline = null;

        // Completed by the last answer or by the deadline, whichever comes first, on that thread: the result does
        // not wait for a thread-pool continuation.
        void Finish()
        {
            if (Interlocked.Exchange(ref finished, 1) == 1) return;
            deadline?.Cancel();
            var rows = cells.Select((cell, i) => Volatile.Read(ref answers[i]) ?? cell.Describe(responsive: false))
                .OrderBy(a => a.Path, StringComparer.Ordinal)
                .ToArray();
            result.TrySetResult(new ActorTreeSnapshot(Name, Scheduler.UtcNow, rows));
        }

        deadline = Scheduler.ScheduleOnce(timeout, Finish);
        for (var i = 0; i < cells.Count; i++)
        {
            var index = i;
            cells[i].Mailbox.PostSystem(new SystemMessage.Diagnose(snapshot =>
            {
                Volatile.Write(ref answers[index], snapshot);
                if (Interlocked.Decrement(ref remaining) == 0) Finish();
            }));
        }
        if (cells.Count == 0) Finish();
        return result.Task;
    }

    public async ValueTask DisposeAsync()
    {
        if (_shutdown is not null) await _shutdown.RunAsync("dispose").ConfigureAwait(false);
        else await Terminate().ConfigureAwait(false);
    }

    internal long NewUid() => Interlocked.Increment(ref _uidCounter);

    internal ActorPath NewTempPath() => new(new ActorPath(null, "temp", 0), "ask-" + Interlocked.Increment(ref _askCounter), 0);

    internal void PublishDeadLetter(in Envelope envelope, IActorRef recipient)
    {
        if (envelope.Message is TimerFired or WatchedTerminated) return; // kernel-internal notices of a dead actor
        EventStream.Publish(new DeadLetter(envelope.Message, envelope.Sender, recipient));
    }

    internal void OnRootFailure(Exception cause)
    {
        EventStream.Publish(new LogEvent(Scheduler.UtcNow, LogLevel.Error, "/", "root guardian failed: {Message}; terminating", [cause.Message], cause,
            new Dictionary<string, object?>()));
        _root.Mailbox.PostSystem(new SystemMessage.Terminate());
    }

    internal void OnRootTerminated() => _terminated.TrySetResult();

    private static void Collect(ActorCell cell, List<ActorCell> into)
    {
        into.Add(cell);
        foreach (var child in cell.ChildEntries()) Collect(child.Cell, into);
    }
}
