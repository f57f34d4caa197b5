namespace Miner.Actors.Kernel;

/// <summary>Kernel-internal control messages; they travel in the mailbox's separate system queue.</summary>
internal abstract record SystemMessage
{
    internal sealed record Create : SystemMessage;
    internal sealed record Recreate(Exception Cause) : SystemMessage;
    internal sealed record Suspend : SystemMessage;
    internal sealed record Resume(bool CausedByFailure) : SystemMessage;
    internal sealed record Terminate : SystemMessage;
    internal sealed record Failed(ActorCell Child, Exception Cause, long Uid) : SystemMessage;
    internal sealed record Watch(ActorCell Watchee, IActorRef Watcher) : SystemMessage;
    internal sealed record Unwatch(ActorCell Watchee, IActorRef Watcher) : SystemMessage;
    internal sealed record DeathWatchNotification(IActorRef Actor, bool ExistenceConfirmed) : SystemMessage;
    internal sealed record ChildTerminated(ActorCell Child) : SystemMessage;
    internal sealed record Diagnose(Action<ActorSnapshot> Reply) : SystemMessage;
}
