using System.Diagnostics;

namespace Miner.Specs.HostileInput;

/// <summary>
/// Runs the built `miner` as a child process, as an operator's shell would: in a working folder of the spec's, with
/// HOME pointed inside it (nothing escapes to the real home), stdin closed, a wall-clock limit and a GC heap limit
/// (DOTNET_GCHeapHardLimit), so a hostile input that makes the miner hang or allocate gigabytes fails the spec.
/// </summary>
public static class MinerChildProcess
{
    /// <summary>The managed heap a child may use: a small file must never need more.</summary>
    public const long HeapLimitBytes = 1L << 30;

    public static MinerRun Run(string workingFolder, IReadOnlyList<string> args, IReadOnlyDictionary<string, string>? environment, TimeSpan limit)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingFolder,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "miner.dll"));
        foreach (var arg in args) start.ArgumentList.Add(arg);
        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("MINER_", StringComparison.Ordinal)).ToList()) start.Environment.Remove(name);
        start.Environment["HOME"] = Path.Combine(workingFolder, "home");
        start.Environment["DOTNET_GCHeapHardLimit"] = "0x" + HeapLimitBytes.ToString("X");
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        if (environment is not null) foreach (var (name, value) in environment) start.Environment[name] = value;

        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start) ?? throw new InvalidOperationException("cannot start dotnet");
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        var exited = process.WaitForExit((int)limit.TotalMilliseconds);
        if (!exited) process.Kill(entireProcessTree: true);
        process.WaitForExit();
        return new MinerRun(exited ? process.ExitCode : null, stdout.GetAwaiter().GetResult(), stderr.GetAwaiter().GetResult(), clock.Elapsed);
    }
}
