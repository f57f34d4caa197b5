namespace Miner.Actors.Kernel;

internal sealed partial class ActorCell
{
    /// <summary>Handles one system message; runs before user messages, also while suspended.</summary>
    internal void SystemInvoke(SystemMessage message)
    {
        try
        {
            switch (message)
            {
                case SystemMessage.Create:
                    Create();
                    break;
                case SystemMessage.Recreate recreate:
                    Recreate(recreate.Cause);
                    break;
                case SystemMessage.Suspend:
                    if (!_terminating) _suspendCount++;
                    foreach (var child in ChildEntries()) child.Cell.Mailbox.PostSystem(new SystemMessage.Suspend());
                    break;
                case SystemMessage.Resume resume:
                    ResumeAfter(resume.CausedByFailure);
                    break;
                case SystemMessage.Terminate:
                    Terminate();
                    break;
                case SystemMessage.Failed failed:
                    HandleChildFailed(failed);
                    break;
                case SystemMessage.Watch watch:
                    AddWatcher(watch.Watcher);
                    break;
                case SystemMessage.Unwatch unwatch:
                    _watchedBy.Remove(unwatch.Watcher);
                    break;
                case SystemMessage.DeathWatchNotification notice:
                    OnWatchedActorTerminated(notice.Actor, notice.ExistenceConfirmed);
                    break;
                case SystemMessage.ChildTerminated terminated:
                    HandleChildTerminated(terminated.Child);
                    break;
                case SystemMessage.Diagnose diagnose:
                    diagnose.Reply(Describe(responsive: true));
                    break;
            }
        }
        catch (Exception error)
        {
            HandleInvokeFailure(error);
        }
    }

    /// <summary>A system message that reached a stopped actor: a Watch is answered at once, the rest is dropped.</summary>
    internal void OnSystemMessageAfterStop(SystemMessage message)
    {
        switch (message)
        {
            case SystemMessage.Watch { Watcher: LocalActorRef watcher }:
                watcher.Cell.Mailbox.PostSystem(new SystemMessage.DeathWatchNotification(Self, ExistenceConfirmed: false));
                break;
            case SystemMessage.Diagnose diagnose:
                diagnose.Reply(Describe(responsive: true));
                break;
        }
    }
}
