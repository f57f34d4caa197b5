using System.Diagnostics;
using Miner.Models.Splats;

namespace Miner.Specs.HostileInput;

/// <summary>A one-shot command stopped mid-write leaves the old output and no temporary (README, "Exit codes").</summary>
public sealed class SignalSpecs
{
    [Fact]
    public void Sigterm_during_a_write_removes_the_temporary_and_keeps_the_old_output()
    {
        using var workspace = new Workspace();
        PlyWriter.WriteFile(workspace.PathOf("big.ply"), new GaussianCloud(2_000_000, 3));
        workspace.WriteText("out.ply", "the old output");
        for (var attempt = 0; attempt < 5; attempt++)
        {
            var start = new ProcessStartInfo("dotnet") { WorkingDirectory = workspace.Root, UseShellExecute = false, RedirectStandardError = true, RedirectStandardOutput = true };
            foreach (var arg in new[] { Path.Combine(AppContext.BaseDirectory, "miner.dll"), "convert", "big.ply", "out.ply" }) start.ArgumentList.Add(arg);
            using var process = Process.Start(start)!;
            var caught = WaitForTemporary(workspace.Root, process);
            if (caught) Process.Start("kill", ["-TERM", process.Id.ToString()])!.WaitForExit();
            process.WaitForExit(60_000);
            if (!caught)
            {
                // The write finished before a poll saw it: start again with the old output put back.
                workspace.WriteText("out.ply", "the old output");
                continue;
            }
            Assert.Equal(143, process.ExitCode);
            Assert.Equal("the old output", File.ReadAllText(workspace.PathOf("out.ply")));
            Assert.Empty(Directory.GetFiles(workspace.Root, "*.tmp"));
            return;
        }
        Assert.Fail("the temporary was never seen during 5 conversions of a 2M-gaussian PLY; the spec could not stop one mid-write");
    }

    private static bool WaitForTemporary(string folder, Process process)
    {
        var clock = Stopwatch.StartNew();
        while (!process.HasExited && clock.Elapsed < TimeSpan.FromSeconds(60))
        {
            if (Directory.GetFiles(folder, ".out.ply.*.tmp").Length > 0) return true;
            Thread.Sleep(2);
        }
        return false;
    }
}
