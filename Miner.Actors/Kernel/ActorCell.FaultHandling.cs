namespace Miner.Actors.Kernel;

/// <summary>Failure, restart and stop, following Akka's sequences (checklist rows 8 to 14).</summary>
internal sealed partial class ActorCell
{
    private int _suspendCount;
    private bool _failed;
    private bool _terminating;
    private bool _terminated;
    private object? _failedMessage;
    private Exception? _pendingRecreateCause;
    private ActorCell? _escalatedFrom;

    private void Create()
    {
        try
        {
            Actor = NewInstance();
            Actor.InvokePreStart();
        }
        catch (Exception cause)
        {
            HandleInvokeFailure(new ActorInitializationException(Self.Path.ToString(), cause));
        }
    }

    /// <summary>Suspends this actor and its children and reports the failure (with our uid) to the parent.</summary>
    internal void HandleInvokeFailure(Exception cause, ActorCell? alreadySuspendedChild = null)
    {
        RecordFailure(cause);
        if (_terminating)
        {
            PublishLog(LogLevel.Error, cause, "{Path} failed while stopping: {Message}", Self.Path, cause.Message);
            return;
        }
        if (_failed) return; // already waiting for the parent's decision
        _failed = true;
        _failedMessage = _hasCurrent ? _currentEnvelope.Message : null;
        _suspendCount++;
        foreach (var child in ChildEntries())
        {
            if (!ReferenceEquals(child.Cell, alreadySuspendedChild)) child.Cell.Mailbox.PostSystem(new SystemMessage.Suspend());
        }
        if (ParentCell is null) System.OnRootFailure(cause);
        else ParentCell.Mailbox.PostSystem(new SystemMessage.Failed(this, cause, Uid));
    }

    private void HandleChildFailed(SystemMessage.Failed failed)
    {
        var entry = FindChild(failed.Child);
        if (entry is null || failed.Uid != entry.Cell.Uid) return; // stale: that incarnation of the child is gone
        var strategy = Actor?.SupervisorStrategy() ?? Props.SupervisorStrategy ?? SupervisorStrategy.Default;
        var directive = strategy.Decider.Decide(failed.Cause);
        if (strategy.LoggingEnabled) LogSupervision(directive, failed);
        Actor?.ChildFailed(failed.Child.Self, failed.Cause, directive);
        System.EventStream.Publish(new SupervisionEvent(System.Scheduler.UtcNow, Self.Path.ToString(), failed.Child.Self.Path.ToString(), directive, failed.Cause));
        switch (directive)
        {
            case Directive.Resume:
                failed.Child.Mailbox.PostSystem(new SystemMessage.Resume(CausedByFailure: true));
                break;
            case Directive.Restart:
                strategy.ProcessFailure(this, restart: true, entry, failed.Cause, ChildEntries());
                break;
            case Directive.Stop:
                strategy.ProcessFailure(this, restart: false, entry, failed.Cause, ChildEntries());
                break;
            case Directive.Escalate:
                _escalatedFrom = failed.Child;
                HandleInvokeFailure(failed.Cause, alreadySuspendedChild: failed.Child);
                break;
        }
    }

    private void LogSupervision(Directive directive, SystemMessage.Failed failed)
    {
        var level = directive switch
        {
            Directive.Resume => LogLevel.Warning,
            Directive.Escalate => LogLevel.Debug,
            _ => LogLevel.Error,
        };
        PublishLog(level, failed.Cause, "{Child} failed with {ExceptionType}: {Message}; supervisor directive {Directive}",
            failed.Child.Self.Path, failed.Cause.GetType().Name, failed.Cause.Message, directive);
    }

    private void ResumeAfter(bool causedByFailure)
    {
        if (_terminating) return;
        if (causedByFailure) _failed = false;
        if (_suspendCount > 0) _suspendCount--;
        var perpetrator = _escalatedFrom;
        _escalatedFrom = null;
        foreach (var child in ChildEntries())
            child.Cell.Mailbox.PostSystem(new SystemMessage.Resume(CausedByFailure: ReferenceEquals(child.Cell, perpetrator)));
    }

    /// <summary>Restart step 1-3: PreRestart on the old instance, stash back to the mailbox, wait for stopping children.</summary>
    private void Recreate(Exception cause)
    {
        if (_terminating) return;
        if (Actor is null)
        {
            FinishRecreate(cause, initial: true);
            return;
        }
        var old = Actor;
        try
        {
            old.InvokePreRestart(cause, _failedMessage);
        }
        catch (Exception error)
        {
            PublishLog(LogLevel.Error, error, "{Path}: PreRestart threw {ExceptionType}; ignored", Self.Path, error.GetType().Name);
        }
        _stash?.UnstashAll();
        _timers?.CancelAll();
        Actor = null;
        _pendingRecreateCause = cause;
        if (!AnyChildStopping) FinishRecreate(cause, initial: false);
    }

    /// <summary>Restart steps 4-7: fresh instance from Props, PostRestart, restart surviving children, resume.</summary>
    private void FinishRecreate(Exception cause, bool initial)
    {
        _pendingRecreateCause = null;
        _escalatedFrom = null;
        _failed = false;
        _failedMessage = null;
        if (_suspendCount > 0) _suspendCount--;
        var survivors = ChildEntries().Where(c => !c.Stopping).ToArray();
        try
        {
            Actor = NewInstance();
        }
        catch (Exception error)
        {
            HandleInvokeFailure(new ActorInitializationException(Self.Path.ToString(), error));
            return;
        }
        RecordRestart();
        try
        {
            if (initial) Actor.InvokePreStart();
            else Actor.InvokePostRestart(cause);
        }
        catch (Exception error)
        {
            HandleInvokeFailure(new PostRestartException(Self.Path.ToString(), cause, error));
            return;
        }
        foreach (var survivor in survivors) survivor.Cell.Mailbox.PostSystem(new SystemMessage.Recreate(cause));
    }

    /// <summary>Stop: children first, then PostStop, then the rest of the mailbox to dead letters, parent and watchers.</summary>
    private void Terminate()
    {
        if (_terminating) return;
        lock (_childrenLock) _terminating = true;
        _timers?.CancelAll();
        foreach (var child in ChildEntries()) StopChild(child);
        if (!AnyChildren) FinishTerminate();
    }

    private void FinishTerminate()
    {
        if (_terminated) return;
        _terminated = true;
        try
        {
            Actor?.InvokePostStop();
        }
        catch (Exception error)
        {
            PublishLog(LogLevel.Error, error, "{Path}: PostStop threw {ExceptionType}", Self.Path, error.GetType().Name);
        }
        if (_stash is not null)
        {
            foreach (var envelope in _stash.ClearStash()) System.PublishDeadLetter(envelope, Self);
        }
        Mailbox.Close();
        Actor = null;
        NotifyWatchersAndUnwatchAll();
        if (ParentCell is null) System.OnRootTerminated();
        else ParentCell.Mailbox.PostSystem(new SystemMessage.ChildTerminated(this));
    }

    private void HandleChildTerminated(ActorCell child)
    {
        if (!RemoveChild(child)) return;
        if (_terminating)
        {
            if (!AnyChildren) FinishTerminate();
        }
        else if (_pendingRecreateCause is { } cause && !AnyChildStopping)
        {
            FinishRecreate(cause, initial: false);
        }
    }

    private void PublishLog(LogLevel level, Exception? error, string template, params object?[] args) =>
        Log.Write(level, error, template, args);
}
