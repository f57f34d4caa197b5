namespace Miner.Actors.Kernel;

/// <summary>
/// Keeps one child alive with exponential backoff between incarnations (checklist row 23): it watches the
/// child, recreates it after <see cref="BackoffOptions.DelayFor"/>, forwards every other message to it, and
/// answers <see cref="GetRestartCount"/> and <see cref="GetCurrentChild"/>.
/// </summary>
public sealed class BackoffSupervisor : ReceiveActor
{
    private readonly BackoffOptions _options;
    private IActorRef? _child;
    private int _restartCount;
    private bool _childFailed;

    public BackoffSupervisor(BackoffOptions options)
    {
        _options = options;
        Receive<GetRestartCount>(_ => Sender.Tell(new RestartCount(_restartCount)));
        Receive<GetCurrentChild>(_ => Sender.Tell(new CurrentChild(_child)));
        Receive<Reset>(_ => _restartCount = 0);
        Receive<ResetIfUnchanged>(m =>
        {
            if (m.RestartCount == _restartCount) _restartCount = 0;
        });
        Receive<StartChild>(_ => StartChildNow());
        Receive<Terminated>(t => Equals(t.ActorRef, _child), OnChildTerminated);
        ReceiveAny(message =>
        {
            if (_child is not null) _child.Forward(message);
            else if (_options.ReplyWhileStopped is { } reply) Sender.Tell(reply);
            else Context.System.DeadLetters.Tell(message, Sender);
        });
    }

    public static Props Props(BackoffOptions options) => Kernel.Props.Create(() => new BackoffSupervisor(options));

    /// <summary>Sets the restart count back to zero (a child may send it once it is healthy).</summary>
    public sealed record Reset
    {
        public static Reset Instance { get; } = new();
    }

    public sealed record GetRestartCount
    {
        public static GetRestartCount Instance { get; } = new();
    }

    public sealed record RestartCount(int Count);

    public sealed record GetCurrentChild
    {
        public static GetCurrentChild Instance { get; } = new();
    }

    public sealed record CurrentChild(IActorRef? Ref);

    private sealed record StartChild;

    private sealed record ResetIfUnchanged(int RestartCount);

    protected override void PreStart() => StartChildNow();

    /// <summary>Failures stop the child: the backoff replaces the restart.</summary>
    protected internal override SupervisorStrategy SupervisorStrategy() => Kernel.SupervisorStrategy.Stopping;

    protected internal override void ChildFailed(IActorRef child, Exception cause, Directive directive)
    {
        if (Equals(child, _child)) _childFailed = true;
    }

    private void StartChildNow()
    {
        _childFailed = false;
        _child = Context.Watch(Context.ActorOf(_options.ChildProps, _options.ChildName));
        if (_options.ResetAfter is { } quiet) Timers.StartSingleTimer("reset", new ResetIfUnchanged(_restartCount), quiet);
    }

    private void OnChildTerminated(Terminated terminated)
    {
        _child = null;
        Timers.Cancel("reset");
        if (_options.Mode == BackoffMode.OnFailure && !_childFailed)
        {
            Context.Stop(Self);
            return;
        }
        var delay = _options.DelayFor(_restartCount);
        _restartCount++;
        Timers.StartSingleTimer("start-child", new StartChild(), delay);
    }
}
