using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text;

namespace Miner.Specs.TestKit;

/// <summary>
/// A `miner run --config FILE` child process, returned once it says it is mining. <see cref="Output"/> is what it
/// printed and logged so far (its file log under <c>logs</c> explains a failure). Disposing kills what is left.
/// </summary>
public sealed partial class MiningProcess : IDisposable
{
    private readonly StringBuilder _output = new();
    private readonly string _logs;

    private MiningProcess(Process process, string logs)
    {
        Process = process;
        _logs = logs;
    }

    public Process Process { get; }

    /// <summary>Starts the child; the spec fails (and the process is killed) when it does not start mining within a minute.</summary>
    /// <param name="extraArgs">More `miner run` flags, after the config file's.</param>
    public static async Task<MiningProcess> StartAsync(string config, string logs, params string[] extraArgs)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { Path.Combine(AppContext.BaseDirectory, "miner.dll"), "run", "--config", config })
            start.ArgumentList.Add(arg);
        start.ArgumentList.Add("--miner.admin.port=0"); // a free port: runs in parallel specs never collide
        start.ArgumentList.Add("--logging.file.enabled=true");
        start.ArgumentList.Add($"--logging.file.path={Path.Combine(logs, "miner-.log")}");
        foreach (var arg in extraArgs) start.ArgumentList.Add(arg);
        var process = Process.Start(start) ?? throw new InvalidOperationException("cannot start dotnet");
        var child = new MiningProcess(process, logs);
        var mining = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        DataReceivedEventHandler collect = (_, e) =>
        {
            if (e.Data is null) return;
            lock (child._output) child._output.AppendLine(e.Data);
            if (e.Data.Contains("mining on netuid", StringComparison.Ordinal)) mining.TrySetResult();
        };
        process.OutputDataReceived += collect;
        process.ErrorDataReceived += collect;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var started = await Task.WhenAny(mining.Task, process.WaitForExitAsync(), Task.Delay(TimeSpan.FromSeconds(60)));
        if (started != mining.Task)
        {
            var text = child.Output();
            child.Dispose();
            Assert.Fail($"the miner did not start mining: {text}");
        }
        return child;
    }

    /// <summary>What the child printed and logged so far.</summary>
    public string Output()
    {
        lock (_output)
            return _output + string.Concat(Directory.Exists(_logs) ? Directory.GetFiles(_logs).Select(ReadShared) : []);
    }

    /// <summary>Sends <paramref name="signal"/> (15 SIGTERM, 9 SIGKILL); true when it was delivered.</summary>
    public bool Signal(int signal) => Kill(Process.Id, signal) == 0;

    public void Dispose()
    {
        if (!Process.HasExited) Process.Kill(entireProcessTree: true);
        Process.Dispose();
    }

    private static string ReadShared(string path)
    {
        using var reader = new StreamReader(new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite));
        return reader.ReadToEnd();
    }

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int Kill(int pid, int signal);
}
