namespace Miner.Actors.Mining.Scoring;

/// <summary>Accepted among scored (non-empty, answered) submissions.</summary>
public sealed record SuccessRate(int Scored, int Accepted)
{
    public double Rate => Scored == 0 ? 0 : (double)Accepted / Scored;

    public override string ToString() => Scored == 0 ? "no scored submissions" : $"{Accepted}/{Scored} ({Rate:P1})";
}
