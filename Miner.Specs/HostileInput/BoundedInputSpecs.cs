namespace Miner.Specs.HostileInput;

/// <summary>Special files, bombs and files that claim more than they hold (README, "Limits on inputs").</summary>
public sealed class BoundedInputSpecs
{
    public static TheoryData<string> Cases => HostileInputCatalogue.Names(HostileInputCatalogue.BoundedInput);

    [Theory, MemberData(nameof(Cases))]
    public void Is_refused_quickly_within_the_memory_limit(string hostileCase) => HostileCaseRunner.Check(HostileInputCatalogue.Get(hostileCase));
}
