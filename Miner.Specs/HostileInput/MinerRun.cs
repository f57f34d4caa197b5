namespace Miner.Specs.HostileInput;

/// <summary>What a child `miner` did: its exit code (null when it ran past its limit and was killed) and output.</summary>
public sealed record MinerRun(int? ExitCode, string Stdout, string Stderr, TimeSpan Elapsed)
{
    public IReadOnlyList<string> StderrLines =>
        Stderr.ReplaceLineEndings("\n").Split('\n', StringSplitOptions.RemoveEmptyEntries);
}
