namespace Miner.Models.Bittensor.Wire;

/// <summary>
/// Unix time in nanoseconds, strictly increasing per instance: an axon refuses a nonce that is not above the
/// last one it accepted for the same (hotkey, uuid), so two calls in the same tick must still differ.
/// </summary>
internal sealed class NonceClock(TimeProvider time)
{
    private long _last;

    public static long UnixNanoseconds(TimeProvider time) => (time.GetUtcNow() - DateTimeOffset.UnixEpoch).Ticks * 100;

    public long Next()
    {
        while (true)
        {
            var last = Volatile.Read(ref _last);
            var next = Math.Max(UnixNanoseconds(time), last + 1);
            if (Interlocked.CompareExchange(ref _last, next, last) == last) return next;
        }
    }
}
