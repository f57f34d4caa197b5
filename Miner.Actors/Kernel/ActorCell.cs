namespace Miner.Actors.Kernel;

/// <summary>
/// The runtime side of one actor: its mailbox, current instance, children, watchers, stash and timers. All
/// state below is touched only on the actor's own turn, except the children table (locked) and the
/// diagnostic counters (read racily by the snapshot's fallback path).
/// </summary>
internal sealed partial class ActorCell : IActorContext
{
    [ThreadStatic] internal static ActorCell? Constructing;
    [ThreadStatic] private static ActorCell? _current;

    private readonly LocalActorRef _self;
    private ActorLog? _log;
    private ActorStash? _stash;
    private ActorTimers? _timers;
    private Envelope _currentEnvelope;
    private bool _hasCurrent;
    private bool _currentStashed;

    internal ActorCell(ActorSystem system, Props props, ActorCell? parent, string name, long uid)
    {
        System = system;
        Props = props;
        ParentCell = parent;
        _self = new LocalActorRef(this, new ActorPath(parent?.Self.Path, name, uid));
        Mailbox = new Mailbox(this, props.Dispatcher ?? system.Dispatcher);
    }

    /// <summary>The cell whose message is being handled on this thread (for Forward).</summary>
    internal static ActorCell? Current => _current;

    public ActorSystem System { get; }
    internal Props Props { get; }
    internal ActorCell? ParentCell { get; }
    internal Mailbox Mailbox { get; }
    internal ReceiveActor? Actor { get; private set; }
    internal long Uid => _self.Path.Uid;

    public IActorRef Self => _self;
    public IActorRef Sender => _hasCurrent ? _currentEnvelope.Sender : System.DeadLetters;
    public IActorRef Parent => ParentCell?.Self ?? System.DeadLetters;
    public ActorLog Log => _log ??= new ActorLog(System.EventStream, System.Scheduler, _self.Path.ToString());

    internal IStash Stash => _stash ??= new ActorStash(this, Props.StashCapacity ?? System.Settings.DefaultStashCapacity);
    internal ITimerScheduler Timers => _timers ??= new ActorTimers(this);

    internal bool CanProcessUserMessages => _suspendCount == 0 && !_terminating && Actor is not null;

    /// <summary>Handles one user message; a throw becomes a failure reported to the parent.</summary>
    internal void Invoke(in Envelope envelope)
    {
        _currentEnvelope = envelope;
        _hasCurrent = true;
        _currentStashed = false;
        _current = this;
        try
        {
            var message = envelope.Message;
            switch (message)
            {
                case TimerFired tick:
                    if (_timers is null || !_timers.TryAccept(tick, out var payload)) return;
                    _currentEnvelope = new Envelope(payload, System.DeadLetters);
                    Actor!.Dispatch(payload);
                    break;
                case WatchedTerminated notice:
                    if (!_terminatedQueued.Remove(notice.Actor)) return; // unwatched after it was queued
                    _currentEnvelope = new Envelope(notice.Payload, System.DeadLetters);
                    Actor!.Dispatch(notice.Payload);
                    break;
                case PoisonPill:
                    Stop(Self);
                    break;
                case Kill:
                    throw new ActorKilledException($"{Self.Path}: killed");
                default:
                    Actor!.Dispatch(message);
                    break;
            }
            _messagesProcessed++; // only this actor's turn writes it
        }
        catch (Exception cause)
        {
            HandleInvokeFailure(cause);
        }
        finally
        {
            _current = null;
            _hasCurrent = false;
            _currentEnvelope = default;
        }
    }

    internal Envelope CurrentEnvelopeForStash()
    {
        if (!_hasCurrent) throw new IllegalActorStateException($"{Self.Path}: Stash() outside of message handling");
        if (_currentStashed) throw new IllegalActorStateException($"{Self.Path}: the current message is already stashed");
        _currentStashed = true;
        return _currentEnvelope;
    }

    /// <summary>Runs <paramref name="action"/> with <see cref="Sender"/> replaced (a persist handler sees its command's sender).</summary>
    internal void RunWithSender(IActorRef sender, Action action)
    {
        var saved = _currentEnvelope;
        var hadCurrent = _hasCurrent;
        _currentEnvelope = new Envelope(hadCurrent ? saved.Message : sender, sender);
        _hasCurrent = true;
        try
        {
            action();
        }
        finally
        {
            _currentEnvelope = saved;
            _hasCurrent = hadCurrent;
        }
    }

    public void Stop(IActorRef actor)
    {
        if (actor is not LocalActorRef local) return;
        var entry = local.Cell.ParentCell == this ? FindChild(local.Cell) : null;
        if (entry is not null) StopChild(entry);
        else local.Cell.Mailbox.PostSystem(new SystemMessage.Terminate());
    }

    private ReceiveActor NewInstance()
    {
        var previous = Constructing;
        Constructing = this;
        try
        {
            var actor = Props.Factory();
            if (!actor.BelongsTo(this)) throw new IllegalActorStateException($"{Self.Path}: the Props factory must return a new actor instance");
            actor.EndConfiguration();
            _incarnation++;
            return actor;
        }
        finally
        {
            Constructing = previous;
        }
    }
}
