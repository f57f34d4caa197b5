namespace Miner.Specs.HostileInput;

/// <summary>Out-of-range settings from files, the environment and flags (README, "Configuration").</summary>
public sealed class SettingsSpecs
{
    public static TheoryData<string> Cases => HostileInputCatalogue.Names(HostileInputCatalogue.Settings);

    [Theory, MemberData(nameof(Cases))]
    public void Is_refused_at_load_in_one_line(string hostileCase) => HostileCaseRunner.Check(HostileInputCatalogue.Get(hostileCase));
}
