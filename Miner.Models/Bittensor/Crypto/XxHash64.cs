using System.Buffers.Binary;

namespace Miner.Models.Bittensor.Crypto;

/// <summary>xxHash64 (XXH64), the non-cryptographic hash behind substrate's Twox storage hashers.</summary>
public static class XxHash64
{
    private const ulong Prime1 = 0x9E3779B185EBCA87UL;
    private const ulong Prime2 = 0xC2B2AE3D27D4EB4FUL;
    private const ulong Prime3 = 0x165667B19E3779F9UL;
    private const ulong Prime4 = 0x85EBCA77C2B2AE63UL;
    private const ulong Prime5 = 0x27D4EB2F165667C5UL;

    public static ulong Hash(ReadOnlySpan<byte> data, ulong seed = 0)
    {
        var remaining = data;
        ulong acc;
        if (data.Length >= 32)
        {
            ulong v1 = seed + Prime1 + Prime2, v2 = seed + Prime2, v3 = seed, v4 = seed - Prime1;
            while (remaining.Length >= 32)
            {
                v1 = Round(v1, BinaryPrimitives.ReadUInt64LittleEndian(remaining));
                v2 = Round(v2, BinaryPrimitives.ReadUInt64LittleEndian(remaining[8..]));
                v3 = Round(v3, BinaryPrimitives.ReadUInt64LittleEndian(remaining[16..]));
                v4 = Round(v4, BinaryPrimitives.ReadUInt64LittleEndian(remaining[24..]));
                remaining = remaining[32..];
            }
            acc = ulong.RotateLeft(v1, 1) + ulong.RotateLeft(v2, 7) + ulong.RotateLeft(v3, 12) + ulong.RotateLeft(v4, 18);
            acc = MergeRound(acc, v1);
            acc = MergeRound(acc, v2);
            acc = MergeRound(acc, v3);
            acc = MergeRound(acc, v4);
        }
        else
        {
            acc = seed + Prime5;
        }
        acc += (ulong)data.Length;

        while (remaining.Length >= 8)
        {
            acc ^= Round(0, BinaryPrimitives.ReadUInt64LittleEndian(remaining));
            acc = ulong.RotateLeft(acc, 27) * Prime1 + Prime4;
            remaining = remaining[8..];
        }
        if (remaining.Length >= 4)
        {
            acc ^= BinaryPrimitives.ReadUInt32LittleEndian(remaining) * Prime1;
            acc = ulong.RotateLeft(acc, 23) * Prime2 + Prime3;
            remaining = remaining[4..];
        }
        foreach (var b in remaining)
        {
            acc ^= b * Prime5;
            acc = ulong.RotateLeft(acc, 11) * Prime1;
        }

        acc ^= acc >> 33;
        acc *= Prime2;
        acc ^= acc >> 29;
        acc *= Prime3;
        acc ^= acc >> 32;
        return acc;
    }

    private static ulong Round(ulong acc, ulong input) => ulong.RotateLeft(acc + input * Prime2, 31) * Prime1;

    private static ulong MergeRound(ulong acc, ulong value) => (acc ^ Round(0, value)) * Prime1 + Prime4;
}
