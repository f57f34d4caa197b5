namespace Miner.Actors.Mining.Routing;

/// <summary>
/// The base miner's subnet-owner preference: every <c>every</c>-th pick goes to the owner's validator when it is
/// available; other picks (and turns when it is not available) go to the inner policy.
/// </summary>
public sealed class OwnerPreferencePickPolicy(IValidatorPickPolicy inner, string ownerHotkey, int every) : IValidatorPickPolicy
{
    private int _picks;

    public string Name => $"{inner.Name}, owner every {every}";

    public PickCandidate Pick(IReadOnlyList<PickCandidate> available)
    {
        _picks++;
        if (every > 0 && _picks % every == 0 && available.FirstOrDefault(c => c.Hotkey == ownerHotkey) is { } owner) return owner;
        return inner.Pick(available);
    }
}
