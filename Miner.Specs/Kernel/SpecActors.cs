using Miner.Actors.Kernel;

namespace Miner.Specs.Kernel;

/// <summary>Small actors shared by the kernel specs.</summary>
internal static class SpecActors
{
    /// <summary>Replies to every message with the same message; throws on <see cref="Boom"/>.</summary>
    public sealed class Echo : ReceiveActor
    {
        public Echo()
        {
            Receive<Boom>(b => throw b.Error);
            ReceiveAny(m => Sender.Tell(m));
        }
    }

    /// <summary>Reports lifecycle hooks and handled messages to a probe, with an instance number per incarnation.</summary>
    public sealed class Lifecycle : ReceiveActor
    {
        private static int _instances;
        private readonly IActorRef _report;
        private readonly int _instance = Interlocked.Increment(ref _instances);
        private int _handled;

        public Lifecycle(IActorRef report, Func<Props>? childProps = null)
        {
            _report = report;
            report.Tell($"ctor");
            Receive<Boom>(b => throw b.Error);
            Receive<string>(s => s == "count", _ => Sender.Tell(_handled));
            Receive<string>(s => s == "make-child", _ => Sender.Tell(Context.ActorOf(childProps!(), "child")));
            ReceiveAny(m =>
            {
                _handled++;
                _report.Tell($"got {m}");
            });
        }

        public int Instance => _instance;
        protected override void PreStart() => _report.Tell("preStart");
        protected override void PostStop() => _report.Tell("postStop");

        protected override void PreRestart(Exception reason, object? message)
        {
            _report.Tell($"preRestart {reason.Message} {message}");
            base.PreRestart(reason, message);
        }

        protected override void PostRestart(Exception reason)
        {
            _report.Tell($"postRestart {reason.Message}");
            base.PostRestart(reason);
        }
    }

    /// <summary>A parent whose children are created on request and supervised by the given strategy.</summary>
    public sealed class Parent : ReceiveActor
    {
        private readonly SupervisorStrategy _strategy;

        public Parent(SupervisorStrategy strategy)
        {
            _strategy = strategy;
            Receive<CreateChild>(c => Sender.Tell(Context.ActorOf(c.Props, c.Name)));
            Receive<Boom>(b => throw b.Error);
        }

        protected internal override SupervisorStrategy SupervisorStrategy() => _strategy;
    }

    public sealed record CreateChild(Props Props, string Name);

    public sealed record Boom(Exception Error)
    {
        public static Boom With(string message) => new(new InvalidOperationException(message));
    }
}
