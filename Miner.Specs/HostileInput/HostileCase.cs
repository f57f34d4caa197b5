namespace Miner.Specs.HostileInput;

/// <summary>
/// One careless or hostile invocation: the arguments (relative to a fresh <see cref="Workspace"/>), what to make
/// there first, the exit codes the README's table allows for it, and the files it may write (all else must stay).
/// </summary>
public sealed record HostileCase(string Name, string[] Args)
{
    public Action<Workspace> Setup { get; init; } = _ => { };

    public IReadOnlyDictionary<string, string> Environment { get; init; } = new Dictionary<string, string>();

    /// <summary>Refused or failed by default; commands with a verdict may answer 2 or 3.</summary>
    public int[] AllowedExitCodes { get; init; } = [1];

    /// <summary>Paths (relative to the workspace) the command may create or change.</summary>
    public string[] Outputs { get; init; } = [];

    /// <summary>A report that names each problem on its own line (the dry run's failed checks).</summary>
    public int StderrLines { get; init; } = 1;

    /// <summary>A daemon's timestamped log lines share stderr with its refusal; the refusal is still one line.</summary>
    public bool LogsOnStderr { get; init; }

    public TimeSpan Limit { get; init; } = TimeSpan.FromSeconds(30);

    public override string ToString() => Name;
}
