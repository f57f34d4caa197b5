using Miner.Models.Splats;
using Miner.Models.Validation;

namespace Miner.Specs.Generation.Fakes;

/// <summary>A self-validation gate that answers scripted decisions, then Submit; records the clouds it saw.</summary>
public sealed class FakeGate : IPromptAwareSplatGate
{
    private readonly Queue<GateDecision> _next = new();

    public List<GaussianCloud> Evaluated { get; } = new();

    /// <summary>Prompts handed to the prompt-aware overload (the PLY-write stage passes the task's).</summary>
    public List<GenerationPrompt> Prompts { get; } = new();

    public Func<GateDecision>? Decide { get; set; }

    /// <summary>Managed thread ids the gate ran on.</summary>
    public List<int> Threads { get; } = new();

    public FakeGate Then(params GateDecision[] decisions)
    {
        foreach (var decision in decisions) _next.Enqueue(decision);
        return this;
    }

    public GateVerdict Evaluate(GaussianCloud cloud, GenerationPrompt prompt, CancellationToken cancellation)
    {
        lock (Evaluated) Prompts.Add(prompt);
        return Evaluate(cloud, cancellation);
    }

    public GateVerdict Evaluate(GaussianCloud cloud, CancellationToken cancellation)
    {
        lock (Evaluated)
        {
            Evaluated.Add(cloud);
            Threads.Add(Environment.CurrentManagedThreadId);
        }
        var decision = _next.TryDequeue(out var scripted) ? scripted : Decide?.Invoke() ?? GateDecision.Submit;
        var figures = new Dictionary<string, double> { ["gaussians"] = cloud.Count };
        return decision == GateDecision.Submit ? GateVerdict.Pass(figures) : new GateVerdict(decision, [$"fake gate says {decision}"], figures);
    }
}
