using System.Security.Cryptography;

namespace Miner.Specs.Bittensor;

/// <summary>An RNG that hands out the same bytes every time: makes signatures reproducible in specs.</summary>
public sealed class FixedRandomness(byte[] bytes) : RandomNumberGenerator
{
    /// <summary>The spec's rand32 = 00 01 02 … 1f.</summary>
    public static FixedRandomness Counting() => new(Enumerable.Range(0, 32).Select(i => (byte)i).ToArray());

    public override void GetBytes(byte[] data) => GetBytes(data.AsSpan());

    public override void GetBytes(Span<byte> data)
    {
        for (var i = 0; i < data.Length; i++) data[i] = bytes[i % bytes.Length];
    }
}
