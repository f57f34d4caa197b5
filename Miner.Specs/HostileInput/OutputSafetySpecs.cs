namespace Miner.Specs.HostileInput;

/// <summary>Never damage a file (README, "Files the miner writes").</summary>
public sealed class OutputSafetySpecs
{
    public static TheoryData<string> Cases => HostileInputCatalogue.Names(HostileInputCatalogue.OutputSafety);

    [Theory, MemberData(nameof(Cases))]
    public void Changes_nothing_but_its_named_output(string hostileCase) => HostileCaseRunner.Check(HostileInputCatalogue.Get(hostileCase));
}
