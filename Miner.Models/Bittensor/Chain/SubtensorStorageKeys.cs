using System.Text;
using Miner.Models.Bittensor.Crypto;

namespace Miner.Models.Bittensor.Chain;

/// <summary>
/// Builds storage keys of the <c>SubtensorModule</c> pallet. The hash functions are passed in so the key
/// layout can be specified on its own; <see cref="Create"/> uses the real ones.
/// </summary>
public sealed class SubtensorStorageKeys
{
    public const string Pallet = "SubtensorModule";

    private readonly Func<byte[], byte[]> _twox128;
    private readonly Func<byte[], byte[]> _blake2b128;
    private readonly byte[] _uidsPrefix;

    /// <summary>Keys built with the real Twox128 and 16-byte BLAKE2b.</summary>
    public static SubtensorStorageKeys Create() => new(b => Crypto.Twox128.Hash(b), b => Blake2b.Hash(b, 16));

    /// <param name="twox128">XXH64 seed 0 ‖ XXH64 seed 1, each as 8 little-endian bytes.</param>
    /// <param name="blake2b128">BLAKE2b with a 16-byte digest, no key.</param>
    public SubtensorStorageKeys(Func<byte[], byte[]> twox128, Func<byte[], byte[]> blake2b128)
    {
        _twox128 = twox128 ?? throw new ArgumentNullException(nameof(twox128));
        _blake2b128 = blake2b128 ?? throw new ArgumentNullException(nameof(blake2b128));
        _uidsPrefix = [.. Twox128(Pallet), .. Twox128("Uids")];
    }

    /// <summary>
    /// <c>Uids(netuid, hotkey) → u16</c>: twox128(pallet) ‖ twox128("Uids") ‖ netuid (Identity: u16 LE) ‖
    /// Blake2_128Concat(hotkey) = blake2b128(hotkey) ‖ hotkey.
    /// </summary>
    public byte[] Uids(ushort netuid, AccountId hotkey)
    {
        var key = hotkey.ToArray();
        var keyHash = Checked(_blake2b128(key), "blake2b128");
        var writer = new ScaleWriter().WriteFixed(_uidsPrefix).WriteU16(netuid).WriteFixed(keyHash).WriteFixed(key);
        return writer.ToArray();
    }

    private byte[] Twox128(string name) => Checked(_twox128(Encoding.ASCII.GetBytes(name)), "twox128");

    private static byte[] Checked(byte[] hash, string name) =>
        hash is { Length: 16 } ? hash : throw new InvalidOperationException($"{name} must return 16 bytes, got {hash?.Length ?? 0}");
}
