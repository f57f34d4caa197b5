using System.Text.RegularExpressions;

namespace Miner.Specs.HostileInput;

/// <summary>
/// Runs one <see cref="HostileCase"/> in a fresh workspace and asserts what the README promises of every command:
/// it ends within its limit, exits with a code from the table, says why in one stderr line without a stack trace
/// or .NET wording, changes nothing but its named outputs and leaves no temporary file.
/// </summary>
public static partial class HostileCaseRunner
{
    public static void Check(HostileCase hostile)
    {
        using var workspace = new Workspace();
        hostile.Setup(workspace);
        var before = workspace.Snapshot();
        var run = MinerChildProcess.Run(workspace.Root, hostile.Args, hostile.Environment, hostile.Limit);
        var after = workspace.Snapshot();
        var shown = $"miner {string.Join(' ', hostile.Args)}\nexit {run.ExitCode?.ToString() ?? "none (killed at the limit)"} after {run.Elapsed.TotalSeconds:0.0} s\nstderr:\n{run.Stderr}\nstdout:\n{Tail(run.Stdout)}";

        Assert.True(run.ExitCode is not null, $"ran past {hostile.Limit.TotalSeconds} s: {shown}");
        Assert.True(hostile.AllowedExitCodes.Contains(run.ExitCode!.Value), $"exit code not in [{string.Join(", ", hostile.AllowedExitCodes)}]: {shown}");
        Assert.False(StackTraceLine().IsMatch(run.Stderr + run.Stdout), $"a stack trace: {shown}");
        Assert.False(DotNetWording().IsMatch(run.Stderr), $".NET wording in the message: {shown}");
        var said = run.StderrLines.Where(line => !hostile.LogsOnStderr || !LogLine().IsMatch(line)).ToList();
        if (run.ExitCode != 0) Assert.True(said.Count == hostile.StderrLines, $"expected {hostile.StderrLines} stderr line(s) besides log lines: {shown}");

        var changed = before.Keys.Union(after.Keys)
            .Where(path => !before.TryGetValue(path, out var old) || !after.TryGetValue(path, out var now) || old != now)
            .Where(path => !hostile.Outputs.Any(output => path == output || IsUnder(path, output)))
            .ToList();
        Assert.True(changed.Count == 0, $"changed outside the named outputs: {string.Join(", ", changed)}\n{shown}");
        var temporaries = after.Keys.Where(path => Path.GetFileName(path).Contains(".tmp", StringComparison.Ordinal)).ToList();
        Assert.True(temporaries.Count == 0, $"temporary files left: {string.Join(", ", temporaries)}\n{shown}");
    }

    private static bool IsUnder(string path, string folder) => path.StartsWith(folder + "/", StringComparison.Ordinal);

    private static string Tail(string text) => text.Length <= 2000 ? text : "..." + text[^2000..];

    [GeneratedRegex(@"^\s+at \S+|Unhandled exception|--- End of", RegexOptions.Multiline)]
    private static partial Regex StackTraceLine();

    [GeneratedRegex(@"^\[\d\d:\d\d:\d\d [A-Z]{3}\] ")]
    private static partial Regex LogLine();

    [GeneratedRegex(@"\(Parameter '|System\.[A-Z]\w+(Exception|`)|Nullable`1|Object reference not set")]
    private static partial Regex DotNetWording();
}
