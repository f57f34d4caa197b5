using System.Buffers.Binary;
using System.Numerics;
using System.Runtime.CompilerServices;

namespace Miner.Models.Bittensor.Crypto;

/// <summary>
/// An element of GF(2^255 - 19) in five 51-bit limbs (radix 2^51). Every operation is free of
/// branches and table lookups that depend on the value, so secrets may flow through it.
/// Limbs may exceed 51 bits between operations; multiplication tolerates inputs below 2^54.
/// </summary>
internal readonly struct FieldElement
{
    private const ulong Mask51 = (1UL << 51) - 1;

    private readonly ulong _l0, _l1, _l2, _l3, _l4;

    private FieldElement(ulong l0, ulong l1, ulong l2, ulong l3, ulong l4)
    {
        _l0 = l0; _l1 = l1; _l2 = l2; _l3 = l3; _l4 = l4;
    }

    public static FieldElement Zero => default;
    public static FieldElement One => new(1, 0, 0, 0, 0);

    /// <summary>Edwards d = -121665/121666.</summary>
    public static readonly FieldElement D = FromDecimal("37095705934669439343138083508754565189542113879843219016388785533085940283555");
    public static readonly FieldElement D2 = D + D;
    /// <summary>The non-negative square root of -1.</summary>
    public static readonly FieldElement SqrtM1 = FromDecimal("19681161376707505956807079304988542015446066515923890162744021073123829784752");
    /// <summary>1/sqrt(a - d) with a = -1, non-negative root.</summary>
    public static readonly FieldElement InvSqrtAMinusD = FromDecimal("54469307008909316920995813868745141605393597292927456921205312896311721017578");

    /// <summary>Reads 32 little-endian bytes, ignoring bit 255 (callers check canonicity).</summary>
    public static FieldElement FromBytes(ReadOnlySpan<byte> bytes)
    {
        var w0 = BinaryPrimitives.ReadUInt64LittleEndian(bytes);
        var w1 = BinaryPrimitives.ReadUInt64LittleEndian(bytes[8..]);
        var w2 = BinaryPrimitives.ReadUInt64LittleEndian(bytes[16..]);
        var w3 = BinaryPrimitives.ReadUInt64LittleEndian(bytes[24..]);
        return new FieldElement(
            w0 & Mask51,
            ((w0 >> 51) | (w1 << 13)) & Mask51,
            ((w1 >> 38) | (w2 << 26)) & Mask51,
            ((w2 >> 25) | (w3 << 39)) & Mask51,
            (w3 >> 12) & Mask51);
    }

    internal static FieldElement FromDecimal(string value)
    {
        Span<byte> bytes = stackalloc byte[32];
        BigInteger.Parse(value, System.Globalization.CultureInfo.InvariantCulture).TryWriteBytes(bytes, out _, isUnsigned: true);
        return FromBytes(bytes);
    }

    /// <summary>Writes the canonical (fully reduced, &lt; p) 32-byte little-endian encoding.</summary>
    public void ToBytes(Span<byte> output)
    {
        var h = Carry(_l0, _l1, _l2, _l3, _l4);
        h = Carry(h._l0, h._l1, h._l2, h._l3, h._l4);
        ulong l0 = h._l0, l1 = h._l1, l2 = h._l2, l3 = h._l3, l4 = h._l4;
        // q = 1 exactly when h >= p, found by propagating the carry of h + 19.
        var q = (l0 + 19) >> 51;
        q = (l1 + q) >> 51;
        q = (l2 + q) >> 51;
        q = (l3 + q) >> 51;
        q = (l4 + q) >> 51;
        l0 += 19 * q;
        l1 += l0 >> 51; l0 &= Mask51;
        l2 += l1 >> 51; l1 &= Mask51;
        l3 += l2 >> 51; l2 &= Mask51;
        l4 += l3 >> 51; l3 &= Mask51;
        l4 &= Mask51;
        BinaryPrimitives.WriteUInt64LittleEndian(output, l0 | (l1 << 51));
        BinaryPrimitives.WriteUInt64LittleEndian(output[8..], (l1 >> 13) | (l2 << 38));
        BinaryPrimitives.WriteUInt64LittleEndian(output[16..], (l2 >> 26) | (l3 << 25));
        BinaryPrimitives.WriteUInt64LittleEndian(output[24..], (l3 >> 39) | (l4 << 12));
    }

    /// <summary>1 when the canonical encoding is odd ("negative" in Ristretto terms), else 0.</summary>
    public ulong IsNegative()
    {
        Span<byte> bytes = stackalloc byte[32];
        ToBytes(bytes);
        return (ulong)(bytes[0] & 1);
    }

    /// <summary>1 when the element is zero mod p, else 0.</summary>
    public ulong IsZero()
    {
        Span<byte> bytes = stackalloc byte[32];
        ToBytes(bytes);
        return ConstantTime.IsAllZero(bytes);
    }

    /// <summary>1 when both elements are equal mod p, else 0.</summary>
    public static ulong Equal(in FieldElement a, in FieldElement b) => (a - b).IsZero();

    /// <summary>Returns <paramref name="b"/> when choice is 1, <paramref name="a"/> when 0.</summary>
    public static FieldElement Select(in FieldElement a, in FieldElement b, ulong choice)
    {
        var m = 0UL - choice;
        return new FieldElement(
            a._l0 ^ (m & (a._l0 ^ b._l0)),
            a._l1 ^ (m & (a._l1 ^ b._l1)),
            a._l2 ^ (m & (a._l2 ^ b._l2)),
            a._l3 ^ (m & (a._l3 ^ b._l3)),
            a._l4 ^ (m & (a._l4 ^ b._l4)));
    }

    public static FieldElement ConditionalNegate(in FieldElement a, ulong choice) => Select(a, -a, choice);

    /// <summary>|a|: the non-negative one of a and -a.</summary>
    public static FieldElement Abs(in FieldElement a) => ConditionalNegate(a, a.IsNegative());

    public static FieldElement operator +(in FieldElement a, in FieldElement b) =>
        Carry(a._l0 + b._l0, a._l1 + b._l1, a._l2 + b._l2, a._l3 + b._l3, a._l4 + b._l4);

    // Adds 16p first so limbs never underflow for inputs below 2^55.
    public static FieldElement operator -(in FieldElement a, in FieldElement b) =>
        Carry(
            a._l0 + 36028797018963664UL - b._l0,
            a._l1 + 36028797018963952UL - b._l1,
            a._l2 + 36028797018963952UL - b._l2,
            a._l3 + 36028797018963952UL - b._l3,
            a._l4 + 36028797018963952UL - b._l4);

    public static FieldElement operator -(in FieldElement a) => Zero - a;

    public static FieldElement operator *(in FieldElement a, in FieldElement b)
    {
        ulong a0 = a._l0, a1 = a._l1, a2 = a._l2, a3 = a._l3, a4 = a._l4;
        ulong b0 = b._l0, b1 = b._l1, b2 = b._l2, b3 = b._l3, b4 = b._l4;
        // 2^255 = 19 (mod p): products landing at limb i + 5 fold back to limb i times 19.
        ulong b1x = b1 * 19, b2x = b2 * 19, b3x = b3 * 19, b4x = b4 * 19;
        var c0 = M(a0, b0) + M(a4, b1x) + M(a3, b2x) + M(a2, b3x) + M(a1, b4x);
        var c1 = M(a0, b1) + M(a1, b0) + M(a4, b2x) + M(a3, b3x) + M(a2, b4x);
        var c2 = M(a0, b2) + M(a1, b1) + M(a2, b0) + M(a4, b3x) + M(a3, b4x);
        var c3 = M(a0, b3) + M(a1, b2) + M(a2, b1) + M(a3, b0) + M(a4, b4x);
        var c4 = M(a0, b4) + M(a1, b3) + M(a2, b2) + M(a3, b1) + M(a4, b0);
        return Reduce(c0, c1, c2, c3, c4);
    }

    public FieldElement Square()
    {
        ulong a0 = _l0, a1 = _l1, a2 = _l2, a3 = _l3, a4 = _l4;
        ulong a0d = 2 * a0, a1d = 2 * a1, a3x = 19 * a3, a4x = 19 * a4;
        var c0 = M(a0, a0) + M(a1d, a4x) + M(2 * a2, a3x);
        var c1 = M(a0d, a1) + M(2 * a2, a4x) + M(a3, a3x);
        var c2 = M(a0d, a2) + M(a1, a1) + M(2 * a3, a4x);
        var c3 = M(a0d, a3) + M(a1d, a2) + M(a4, a4x);
        var c4 = M(a0d, a4) + M(a1d, a3) + M(a2, a2);
        return Reduce(c0, c1, c2, c3, c4);
    }

    /// <summary>a^(2^k).</summary>
    public FieldElement Pow2K(int k)
    {
        var r = this;
        for (var i = 0; i < k; i++) r = r.Square();
        return r;
    }

    /// <summary>1/a (0 for 0), as a^(p-2).</summary>
    public FieldElement Invert()
    {
        var (t19, t3) = Pow22501();
        return t19.Pow2K(5) * t3;
    }

    /// <summary>a^((p-5)/8) = a^(2^252 - 3), the core of square-root extraction.</summary>
    public FieldElement PowP58()
    {
        var (t19, _) = Pow22501();
        return t19.Pow2K(2) * this;
    }

    /// <summary>
    /// Returns (was_square, r) with r = +sqrt(u/v) when u/v is square, else +sqrt(i*u/v)
    /// (the Ristretto SQRT_RATIO_M1). was_square is 1 or 0.
    /// </summary>
    public static (ulong WasSquare, FieldElement Root) SqrtRatioM1(in FieldElement u, in FieldElement v)
    {
        var v3 = v.Square() * v;
        var v7 = v3.Square() * v;
        var r = u * v3 * (u * v7).PowP58();
        var check = v * r.Square();
        var minusU = -u;
        var correct = Equal(check, u);
        var flipped = Equal(check, minusU);
        var flippedI = Equal(check, minusU * SqrtM1);
        r = Select(r, SqrtM1 * r, flipped | flippedI);
        return (correct | flipped, Abs(r));
    }

    // Returns (a^(2^250 - 1), a^11) by the usual addition chain.
    private (FieldElement T19, FieldElement T3) Pow22501()
    {
        var t0 = Square();                 // 2
        var t1 = t0.Pow2K(2) * this;       // 9
        var t3 = t0 * t1;                  // 11
        var t5 = t3.Square() * t1;         // 31 = 2^5 - 1
        var t7 = t5.Pow2K(5) * t5;         // 2^10 - 1
        var t9 = t7.Pow2K(10) * t7;        // 2^20 - 1
        var t11 = t9.Pow2K(20) * t9;       // 2^40 - 1
        var t13 = t11.Pow2K(10) * t7;      // 2^50 - 1
        var t15 = t13.Pow2K(50) * t13;     // 2^100 - 1
        var t17 = t15.Pow2K(100) * t15;    // 2^200 - 1
        var t19 = t17.Pow2K(50) * t13;     // 2^250 - 1
        return (t19, t3);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static UInt128 M(ulong a, ulong b)
    {
        var hi = Math.BigMul(a, b, out var lo);
        return new UInt128(hi, lo);
    }

    private static FieldElement Reduce(UInt128 c0, UInt128 c1, UInt128 c2, UInt128 c3, UInt128 c4)
    {
        c1 += (ulong)(c0 >> 51);
        c2 += (ulong)(c1 >> 51);
        c3 += (ulong)(c2 >> 51);
        c4 += (ulong)(c3 >> 51);
        var top = (UInt128)(ulong)(c4 >> 51) * 19 + ((ulong)c0 & Mask51);
        return new FieldElement(
            (ulong)top & Mask51,
            ((ulong)c1 & Mask51) + (ulong)(top >> 51),
            (ulong)c2 & Mask51,
            (ulong)c3 & Mask51,
            (ulong)c4 & Mask51);
    }

    private static FieldElement Carry(ulong l0, ulong l1, ulong l2, ulong l3, ulong l4)
    {
        l1 += l0 >> 51; l0 &= Mask51;
        l2 += l1 >> 51; l1 &= Mask51;
        l3 += l2 >> 51; l2 &= Mask51;
        l4 += l3 >> 51; l3 &= Mask51;
        l0 += 19 * (l4 >> 51); l4 &= Mask51;
        return new FieldElement(l0, l1, l2, l3, l4);
    }
}
