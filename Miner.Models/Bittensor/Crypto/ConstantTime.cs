namespace Miner.Models.Bittensor.Crypto;

/// <summary>Comparisons whose running time does not depend on the bytes compared.</summary>
internal static class ConstantTime
{
    /// <summary>1 when every byte is zero, else 0.</summary>
    public static ulong IsAllZero(ReadOnlySpan<byte> bytes)
    {
        ulong acc = 0;
        foreach (var b in bytes) acc |= b;
        return (acc - 1) >> 63;
    }

    /// <summary>1 when both spans hold the same bytes (lengths must match), else 0.</summary>
    public static ulong Equal(ReadOnlySpan<byte> a, ReadOnlySpan<byte> b)
    {
        if (a.Length != b.Length) return 0;
        ulong acc = 0;
        for (var i = 0; i < a.Length; i++) acc |= (uint)(a[i] ^ b[i]);
        return (acc - 1) >> 63;
    }

    /// <summary>1 when two small non-negative values are equal, else 0.</summary>
    public static ulong Equal(uint a, uint b) => ((ulong)(a ^ b) - 1) >> 63;
}
