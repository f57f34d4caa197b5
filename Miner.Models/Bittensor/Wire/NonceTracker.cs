namespace Miner.Models.Bittensor.Wire;

/// <summary>
/// The last accepted nonce per (hotkey, uuid), in memory as bittensor keeps it. Bounded: when full, the half
/// with the oldest nonces is forgotten, so a flood of fresh uuids cannot grow it without limit (a forgotten
/// pair falls back to the freshness window).
/// </summary>
internal sealed class NonceTracker(int capacity)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, long> _last = new(StringComparer.Ordinal);

    public long? Last(string key)
    {
        lock (_gate) return _last.TryGetValue(key, out var nonce) ? nonce : null;
    }

    /// <summary>Records <paramref name="nonce"/> unless one at least as new was recorded meanwhile (a concurrent replay).</summary>
    public bool TryAdvance(string key, long nonce)
    {
        lock (_gate)
        {
            if (_last.TryGetValue(key, out var last) && nonce <= last) return false;
            if (!_last.ContainsKey(key) && _last.Count >= capacity) ForgetOldestHalf();
            _last[key] = nonce;
            return true;
        }
    }

    private void ForgetOldestHalf()
    {
        foreach (var key in _last.OrderBy(p => p.Value).Take(_last.Count / 2).Select(p => p.Key).ToList()) _last.Remove(key);
    }
}
