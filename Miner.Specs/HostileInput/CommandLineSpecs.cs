namespace Miner.Specs.HostileInput;

/// <summary>Wrong flags, values and names (README, "Exit codes").</summary>
public sealed class CommandLineSpecs
{
    public static TheoryData<string> Cases => HostileInputCatalogue.Names(HostileInputCatalogue.CommandLine);

    [Theory, MemberData(nameof(Cases))]
    public void Is_refused_in_one_line_without_a_stack_trace(string hostileCase) => HostileCaseRunner.Check(HostileInputCatalogue.Get(hostileCase));
}
