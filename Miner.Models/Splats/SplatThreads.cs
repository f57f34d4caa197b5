namespace Miner.Models.Splats;

/// <summary>Turns a thread setting (0 = all cores) into a degree of parallelism and splits work into ranges.</summary>
internal static class SplatThreads
{
    public static int Resolve(int threads) => threads <= 0 ? Environment.ProcessorCount : threads;

    /// <summary>Runs <paramref name="body"/> over [0, count) in contiguous ranges, inline when one thread or little work.</summary>
    public static void For(int count, int threads, int minPerThread, Action<int, int> body)
    {
        var degree = Math.Min(Resolve(threads), Math.Max(1, count / Math.Max(1, minPerThread)));
        if (degree <= 1)
        {
            body(0, count);
            return;
        }
        var step = (count + degree - 1) / degree;
        Parallel.For(0, degree, new ParallelOptions { MaxDegreeOfParallelism = degree }, part =>
        {
            var from = part * step;
            var to = Math.Min(count, from + step);
            if (from < to) body(from, to);
        });
    }
}
