using Akka.Actor;
using Akka.Event;
using Miner.Actors.Akka.Introspection;
using Miner.Actors.Akka.Logging;
using Miner.Actors.Mining.Edge;
using Miner.Actors.Mining.Metagraph;
using Miner.Actors.Mining.Scoring;

namespace Miner.Actors.Mining.Polling;

/// <summary>
/// Keeps one <see cref="ValidatorPoller"/> (<c>v-&lt;hotkey&gt;</c>) per eligible validator as the metagraph's set
/// changes, tells the router which pollers exist, and passes the ScoreKeeper's cooldowns to the poller they concern.
/// A validator re-added before its old poller finished stopping waits for that stop (the name is still taken).
/// </summary>
public sealed class PollerSupervisor : IntrospectiveReceiveActor
{
    private readonly Func<ValidatorInfo, Props> _pollerProps;
    private readonly IActorRef _router;
    private readonly IActorRef _metagraph;
    private readonly IActorRef _scoreKeeper;
    private readonly Dictionary<string, IActorRef> _pollers = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ValidatorInfo> _waitingForName = new(StringComparer.Ordinal);
    private readonly HashSet<string> _stopping = new(StringComparer.Ordinal);

    public PollerSupervisor(Func<ValidatorInfo, Props> pollerProps, IActorRef router, IActorRef metagraph, IActorRef scoreKeeper)
    {
        _pollerProps = pollerProps;
        _router = router;
        _metagraph = metagraph;
        _scoreKeeper = scoreKeeper;

        Receive<ValidatorSetChanged>(m =>
        {
            foreach (var v in m.Removed) StopPoller(v.Hotkey);
            foreach (var v in m.Added) StartPoller(v);
            foreach (var v in m.Updated)
            {
                if (_pollers.TryGetValue(v.Hotkey, out var poller)) poller.Tell(new ValidatorUpdated(v), Self);
            }
        });
        Receive<ValidatorCooldownKnown>(m =>
        {
            if (_pollers.TryGetValue(m.Hotkey, out var poller)) poller.Tell(m, Self);
        });
        Receive<Terminated>(t =>
        {
            var hotkey = NameToHotkey(t.ActorRef.Path.Name);
            _stopping.Remove(hotkey);
            if (_pollers.TryGetValue(hotkey, out var current) && current.Equals(t.ActorRef))
            {
                _pollers.Remove(hotkey);
                _router.Tell(new PollerStopped(hotkey), Self);
            }
            if (_waitingForName.Remove(hotkey, out var waiting)) StartPoller(waiting);
        });
    }

    public static string PollerName(string hotkey) => "v-" + hotkey;

    protected override void PreStart()
    {
        _metagraph.Tell(new SubscribeValidatorSet(Self), Self);
        _scoreKeeper.Tell(new SubscribeValidatorEvents(Self, ValidatorEvents.Cooldowns), Self);
    }

    protected override string DescribeState() => $"{_pollers.Count} pollers";

    private void StartPoller(ValidatorInfo validator)
    {
        if (_pollers.ContainsKey(validator.Hotkey)) return;
        if (_stopping.Contains(validator.Hotkey))
        {
            _waitingForName[validator.Hotkey] = validator;
            return;
        }
        var poller = Context.ActorOf(_pollerProps(validator), PollerName(validator.Hotkey));
        Context.Watch(poller);
        _pollers[validator.Hotkey] = poller;
        _router.Tell(new PollerStarted(validator, poller), Self);
    }

    private void StopPoller(string hotkey)
    {
        _waitingForName.Remove(hotkey);
        if (!_pollers.Remove(hotkey, out var poller)) return;
        _stopping.Add(hotkey);
        _router.Tell(new PollerStopped(hotkey), Self);
        Context.Stop(poller);
    }

    private static string NameToHotkey(string name) => name.StartsWith("v-", StringComparison.Ordinal) ? name[2..] : name;
}
