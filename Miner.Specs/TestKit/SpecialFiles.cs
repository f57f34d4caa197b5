using System.Runtime.InteropServices;

namespace Miner.Specs.TestKit;

/// <summary>
/// FIFOs and devices given as inputs, and a bound on how long reading one may take: a reader that opened a FIFO
/// would wait for a writer forever, so specs run such work through <see cref="WithinAsync{T}"/>.
/// </summary>
public static partial class SpecialFiles
{
    public const string DevZero = "/dev/zero";

    /// <summary>Generous for a loaded CI machine; a refusal takes microseconds, a hang takes forever.</summary>
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    /// <summary>Creates a FIFO at <paramref name="path"/> that no one writes to.</summary>
    public static string MakeFifo(string path)
    {
        if (MakeFifo(path, 0x180) != 0) throw new IOException($"mkfifo {path}: errno {Marshal.GetLastPInvokeError()}");
        return path;
    }

    /// <summary>
    /// Runs <paramref name="work"/> on a thread of its own and fails with <see cref="TimeoutException"/> when it has
    /// not finished within <see cref="Patience"/>; a FIFO it may be stuck opening is then given a writer, so the
    /// thread ends instead of outliving the spec.
    /// </summary>
    public static async Task<T> WithinAsync<T>(Func<T> work, string? fifo = null)
    {
        var task = Task.Factory.StartNew(work, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        try
        {
            return await task.WaitAsync(Patience);
        }
        catch (TimeoutException)
        {
            if (fifo is not null) _ = Task.Run(() => new FileStream(fifo, FileMode.Open, FileAccess.Write).Dispose());
            throw new TimeoutException($"still reading after {Patience.TotalSeconds} s: the input should have been refused or cut off at once");
        }
    }

    /// <summary>Bytes this thread allocated while <paramref name="work"/> ran (large arrays included).</summary>
    public static long AllocatedBy(Action work)
    {
        var before = GC.GetAllocatedBytesForCurrentThread();
        work();
        return GC.GetAllocatedBytesForCurrentThread() - before;
    }

    [LibraryImport("libc", EntryPoint = "mkfifo", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int MakeFifo(string path, uint mode);
}
