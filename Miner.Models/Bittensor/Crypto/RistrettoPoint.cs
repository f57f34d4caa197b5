namespace Miner.Models.Bittensor.Crypto;

/// <summary>
/// An element of the Ristretto255 prime-order group, represented by an edwards25519 point.
/// Only the canonical 32-byte encoding is ever exposed; decoding rejects non-canonical field
/// encodings, negative s, non-square ratios, negative xy and y = 0.
/// </summary>
public readonly struct RistrettoPoint
{
    public const int EncodedLength = 32;

    private readonly EdwardsPoint _point;

    private RistrettoPoint(in EdwardsPoint point) => _point = point;

    public static RistrettoPoint Identity => new(EdwardsPoint.Identity);

    /// <summary>The Ristretto255 generator (the image of the edwards25519 base point).</summary>
    public static RistrettoPoint Basepoint => new(EdwardsPoint.Basepoint);

    internal EdwardsPoint Edwards => _point;

    internal static RistrettoPoint FromEdwards(in EdwardsPoint point) => new(point);

    public static RistrettoPoint operator +(RistrettoPoint a, RistrettoPoint b) => new(a._point + b._point);

    public static RistrettoPoint operator -(RistrettoPoint a) => new(-a._point);

    /// <summary>Decodes 32 bytes; false (and the identity) for any encoding the spec rejects.</summary>
    public static bool TryDecode(ReadOnlySpan<byte> encoding, out RistrettoPoint point)
    {
        point = Identity;
        if (encoding.Length != EncodedLength) return false;
        var s = FieldElement.FromBytes(encoding);
        Span<byte> roundTrip = stackalloc byte[32];
        s.ToBytes(roundTrip);
        // A different re-encoding means s >= p or bit 255 was set.
        var canonical = ConstantTime.Equal(roundTrip, encoding);
        var sNegative = s.IsNegative();

        var one = FieldElement.One;
        var ss = s.Square();
        var u1 = one - ss;
        var u2 = one + ss;
        var u2Squared = u2.Square();
        var v = -(FieldElement.D * u1.Square()) - u2Squared;
        var (ok, invSqrt) = FieldElement.SqrtRatioM1(one, v * u2Squared);
        var dx = invSqrt * u2;
        var dy = invSqrt * dx * v;
        var x = FieldElement.Abs((s + s) * dx);
        var y = u1 * dy;
        var t = x * y;

        var valid = canonical & (sNegative ^ 1) & ok & (t.IsNegative() ^ 1) & (y.IsZero() ^ 1);
        if (valid == 0) return false;
        point = new RistrettoPoint(new EdwardsPoint(x, y, one, t));
        return true;
    }

    public void Encode(Span<byte> output)
    {
        if (output.Length != EncodedLength) throw new ArgumentException("a Ristretto encoding is 32 bytes", nameof(output));
        ref readonly var p = ref _point;
        var u1 = (p.Z + p.Y) * (p.Z - p.Y);
        var u2 = p.X * p.Y;
        var (_, invSqrt) = FieldElement.SqrtRatioM1(FieldElement.One, u1 * u2.Square());
        var d1 = invSqrt * u1;
        var d2 = invSqrt * u2;
        var zInv = d1 * d2 * p.T;
        var rotate = (p.T * zInv).IsNegative();
        var x = FieldElement.Select(p.X, p.Y * FieldElement.SqrtM1, rotate);
        var y = FieldElement.Select(p.Y, p.X * FieldElement.SqrtM1, rotate);
        var dInv = FieldElement.Select(d2, d1 * FieldElement.InvSqrtAMinusD, rotate);
        y = FieldElement.ConditionalNegate(y, (x * zInv).IsNegative());
        FieldElement.Abs(dInv * (p.Z - y)).ToBytes(output);
    }

    public byte[] Encode()
    {
        var bytes = new byte[EncodedLength];
        Encode(bytes);
        return bytes;
    }

    public override string ToString() => Convert.ToHexStringLower(Encode());
}
