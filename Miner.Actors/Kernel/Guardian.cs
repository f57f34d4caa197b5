namespace Miner.Actors.Kernel;

/// <summary>
/// The root ("/") and user ("/user") guardians. The root watches /user and stops, terminating the system, once
/// /user is gone (stopped by Terminate or after a top-level escalation, which the root answers with Stop).
/// </summary>
internal sealed class Guardian : ReceiveActor
{
    private readonly SupervisorStrategy? _strategy;

    public Guardian(SupervisorStrategy? strategy, bool isRoot)
    {
        _strategy = strategy;
        if (isRoot)
        {
            Receive<Terminated>(_ => Context.Stop(Self));
        }
    }

    protected override void PreStart()
    {
        if (Context.Child("user") is { } user) Context.Watch(user);
    }

    protected internal override SupervisorStrategy? SupervisorStrategy() => _strategy;
}
