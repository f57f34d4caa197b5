using System.Collections.Concurrent;
using Miner.Models.Bittensor.Keys;

namespace Miner.Host.Devnet;

/// <summary>
/// The miners the devnet's metagraph knows (hotkey → uid), shared by its validators: a hotkey not registered here
/// is "unknown" to them, as an unregistered hotkey is to a subnet validator. Miner uids follow the validators'.
/// </summary>
public sealed class DevnetMinerRegistry(int firstUid = 0)
{
    private readonly ConcurrentDictionary<string, int> _uids = new(StringComparer.Ordinal);
    private int _next = firstUid;

    /// <summary>Registers <paramref name="hotkey"/> (SS58) and returns its uid; registering twice returns the same uid.</summary>
    public int Register(string hotkey)
    {
        Ss58.Decode(hotkey);
        return _uids.GetOrAdd(hotkey, _ => Interlocked.Increment(ref _next) - 1);
    }

    public bool TryGetUid(string? hotkey, out int uid)
    {
        uid = -1;
        return hotkey is not null && _uids.TryGetValue(hotkey, out uid);
    }

    public IReadOnlyDictionary<string, int> Registered => new Dictionary<string, int>(_uids);
}
