using System.Buffers.Binary;

namespace Miner.Models.Bittensor.Crypto;

/// <summary>
/// substrate's Twox128 storage hasher: XXH64 with seed 0 then seed 1, each written as 8
/// little-endian bytes (pallet and storage item prefixes of storage keys).
/// </summary>
public static class Twox128
{
    public const int OutputLength = 16;

    public static byte[] Hash(ReadOnlySpan<byte> data)
    {
        var output = new byte[OutputLength];
        BinaryPrimitives.WriteUInt64LittleEndian(output, XxHash64.Hash(data, 0));
        BinaryPrimitives.WriteUInt64LittleEndian(output.AsSpan(8), XxHash64.Hash(data, 1));
        return output;
    }
}
