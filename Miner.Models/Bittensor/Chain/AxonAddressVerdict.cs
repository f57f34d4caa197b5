namespace Miner.Models.Bittensor.Chain;

/// <summary>Whether an axon may be dialled, and why not when it may not.</summary>
public readonly record struct AxonAddressVerdict(bool Allowed, AxonAddressCategory Category, string Reason)
{
    /// <summary>
    /// How refused axons are counted in reports: <c>not serving</c> (ip 0, port 0) or <c>loopback address</c> and the
    /// like for a refused address class; null when allowed.
    /// </summary>
    public string? RefusalKind => Allowed ? null
        : Category is AxonAddressCategory.Public or AxonAddressCategory.Unspecified ? "not serving"
        : $"{AxonAddressPolicy.Describe(Category)} address";
}
