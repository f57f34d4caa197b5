namespace Miner.Models.Splats;

public sealed record ValidityVerdict(IReadOnlyList<ValidityFailure> Failures)
{
    public bool IsValid => Failures.Count == 0;
}
