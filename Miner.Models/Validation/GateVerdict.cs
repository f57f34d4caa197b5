namespace Miner.Models.Validation;

/// <summary>The gate's decision with the reasons behind it and the figures it measured (name to value).</summary>
public sealed record GateVerdict(GateDecision Decision, IReadOnlyList<string> Reasons, IReadOnlyDictionary<string, double> Figures)
{
    public static GateVerdict Pass(IReadOnlyDictionary<string, double> figures) => new(GateDecision.Submit, [], figures);

    public override string ToString() =>
        Reasons.Count == 0 ? Decision.ToString() : $"{Decision}: {string.Join("; ", Reasons)}";
}
