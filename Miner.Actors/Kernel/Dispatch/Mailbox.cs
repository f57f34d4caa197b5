using System.Collections.Concurrent;

namespace Miner.Actors.Kernel;

/// <summary>
/// Two queues per actor: system messages (always drained first, and again after every user message) and user
/// messages (FIFO per sender, at most <see cref="IDispatcher.Throughput"/> per turn). Messages put back by the
/// stash go in front of the user queue. Only the actor's own turn dequeues, so the front part needs no lock.
/// </summary>
internal sealed class Mailbox : IThreadPoolWorkItem
{
    private readonly ConcurrentQueue<Envelope> _user = new();
    private readonly ConcurrentQueue<SystemMessage> _system = new();
    private readonly Stack<Envelope> _front = new();
    private readonly ActorCell _cell;
    private readonly IDispatcher _dispatcher;
    private int _scheduled;
    private volatile int _frontCount;
    private volatile bool _closed;

    public Mailbox(ActorCell cell, IDispatcher dispatcher)
    {
        _cell = cell;
        _dispatcher = dispatcher;
    }

    public bool IsClosed => _closed;

    public int UserDepth => _user.Count + _frontCount;

    public void Post(in Envelope envelope)
    {
        if (_closed)
        {
            _cell.System.PublishDeadLetter(envelope, _cell.Self);
            return;
        }
        _user.Enqueue(envelope);
        if (_closed) DrainUserToDeadLetters(); // lost a race with Close: nobody else will read the queue now
        else TrySchedule();
    }

    public void PostSystem(SystemMessage message)
    {
        if (_closed)
        {
            _cell.OnSystemMessageAfterStop(message);
            return;
        }
        _system.Enqueue(message);
        if (_closed) DrainSystemAfterStop();
        else TrySchedule();
    }

    /// <summary>Puts messages back in front of the queue, first of <paramref name="envelopes"/> first.</summary>
    public void Prepend(IReadOnlyList<Envelope> envelopes)
    {
        for (var i = envelopes.Count - 1; i >= 0; i--) _front.Push(envelopes[i]);
        _frontCount = _front.Count;
    }

    /// <summary>After the actor stopped: every queued user message becomes a dead letter, later ones too.</summary>
    public void Close()
    {
        _closed = true;
        DrainUserToDeadLetters();
        DrainSystemAfterStop();
    }

    public void Execute()
    {
        try
        {
            if (_closed) return;
            ProcessSystemMessages();
            var left = _dispatcher.Throughput;
            while (left-- > 0 && !_closed && _cell.CanProcessUserMessages && TryDequeueUser(out var envelope))
            {
                _cell.Invoke(envelope);
                ProcessSystemMessages();
            }
        }
        finally
        {
            Volatile.Write(ref _scheduled, 0);
            if (HasWork()) TrySchedule();
        }
    }

    private bool HasWork() =>
        !_closed && (!_system.IsEmpty || (_cell.CanProcessUserMessages && (_frontCount > 0 || !_user.IsEmpty)));

    private void TrySchedule()
    {
        // Read first: under load the mailbox is nearly always scheduled already, and a failed CAS still
        // takes the cache line exclusively from the thread running the actor.
        if (Volatile.Read(ref _scheduled) == 0 && Interlocked.CompareExchange(ref _scheduled, 1, 0) == 0) _dispatcher.Schedule(this);
    }

    private bool TryDequeueUser(out Envelope envelope)
    {
        if (_frontCount > 0)
        {
            envelope = _front.Pop();
            _frontCount = _front.Count;
            return true;
        }
        return _user.TryDequeue(out envelope);
    }

    private void ProcessSystemMessages()
    {
        while (!_closed && _system.TryDequeue(out var message)) _cell.SystemInvoke(message);
    }

    private void DrainUserToDeadLetters()
    {
        while (_front.Count > 0) _cell.System.PublishDeadLetter(_front.Pop(), _cell.Self);
        _frontCount = 0;
        while (_user.TryDequeue(out var envelope)) _cell.System.PublishDeadLetter(envelope, _cell.Self);
    }

    private void DrainSystemAfterStop()
    {
        while (_system.TryDequeue(out var message)) _cell.OnSystemMessageAfterStop(message);
    }
}
