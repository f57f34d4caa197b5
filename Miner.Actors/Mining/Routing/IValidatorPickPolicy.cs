namespace Miner.Actors.Mining.Routing;

/// <summary>Chooses which available validator the router pulls from next.</summary>
public interface IValidatorPickPolicy
{
    string Name { get; }

    /// <summary>One of <paramref name="available"/> (never empty), to pull from now.</summary>
    PickCandidate Pick(IReadOnlyList<PickCandidate> available);

    public static IValidatorPickPolicy Create(string name) => name switch
    {
        MiningOptions.RoundRobin => new RoundRobinPickPolicy(),
        MiningOptions.StakeWeighted => new StakeWeightedPickPolicy(),
        _ => throw new ArgumentException($"unknown pick policy '{name}' (round-robin or stake-weighted)", nameof(name)),
    };

    /// <summary>The configured policy, wrapped with the owner preference unless it is off.</summary>
    public static IValidatorPickPolicy Create(MiningOptions options)
    {
        var policy = Create(options.Policy);
        return options.OwnerEvery > 0 && !string.IsNullOrEmpty(options.OwnerHotkey)
            ? new OwnerPreferencePickPolicy(policy, options.OwnerHotkey, options.OwnerEvery)
            : policy;
    }
}
