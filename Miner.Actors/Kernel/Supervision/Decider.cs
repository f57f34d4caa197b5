using System.Collections.Immutable;

namespace Miner.Actors.Kernel;

/// <summary>Ordered (exception type → directive) rules; the first rule whose type matches wins, else the fallback.</summary>
public sealed class Decider
{
    private readonly ImmutableArray<(Type Exception, Directive Directive)> _rules;

    public Decider(Directive fallback) : this(ImmutableArray<(Type, Directive)>.Empty, fallback) { }

    private Decider(ImmutableArray<(Type, Directive)> rules, Directive fallback)
    {
        _rules = rules;
        Fallback = fallback;
    }

    /// <summary>Initialisation failures, Kill and unhandled Terminated stop the child; anything else restarts it.</summary>
    public static Decider Default { get; } = new Decider(Directive.Restart)
        .When<ActorInitializationException>(Directive.Stop)
        .When<ActorKilledException>(Directive.Stop)
        .When<DeathPactException>(Directive.Stop);

    public Directive Fallback { get; }

    /// <summary>A decider with one more rule, checked after the existing ones.</summary>
    public Decider When<TException>(Directive directive) where TException : Exception =>
        new(_rules.Add((typeof(TException), directive)), Fallback);

    public Directive Decide(Exception cause)
    {
        foreach (var (type, directive) in _rules)
        {
            if (type.IsInstanceOfType(cause)) return directive;
        }
        return Fallback;
    }
}
