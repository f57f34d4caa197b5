namespace Miner.Actors.Mining.Routing;

/// <summary>An available validator as a pick policy sees it: stake and the results it scored for us so far.</summary>
public sealed record PickCandidate(string Hotkey, int Uid, double StakeTao, int Scored, int Accepted)
{
    /// <summary>Laplace-smoothed acceptance, so a validator with no history starts at 1/2 rather than 0 or 1.</summary>
    public double Acceptance => (Accepted + 1.0) / (Scored + 2.0);
}
