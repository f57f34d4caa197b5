namespace Miner.Models.Bittensor.Crypto;

/// <summary>
/// A point of edwards25519 (-x^2 + y^2 = 1 + d x^2 y^2) in extended coordinates
/// (X:Y:Z:T), x = X/Z, y = Y/Z, T = XY/Z. Formulas are complete (no special cases), so they
/// run the same way for every input.
/// </summary>
internal readonly struct EdwardsPoint
{
    public readonly FieldElement X, Y, Z, T;

    public EdwardsPoint(in FieldElement x, in FieldElement y, in FieldElement z, in FieldElement t)
    {
        X = x; Y = y; Z = z; T = t;
    }

    public static EdwardsPoint Identity => new(FieldElement.Zero, FieldElement.One, FieldElement.One, FieldElement.Zero);

    /// <summary>The standard base point (y = 4/5, x even).</summary>
    public static readonly EdwardsPoint Basepoint = FromAffine(
        FieldElement.FromDecimal("15112221349535400772501151409588531511454012693041857206046113283949847762202"),
        FieldElement.FromDecimal("46316835694926478169428394003475163141307993866256225615783033603165251855960"));

    private static EdwardsPoint FromAffine(in FieldElement x, in FieldElement y) => new(x, y, FieldElement.One, x * y);

    public NielsPoint ToNiels() => new(Y + X, Y - X, Z, T * FieldElement.D2);

    /// <summary>Niels form with Z = 1 (costs an inversion; used for precomputed tables).</summary>
    public NielsPoint ToAffineNiels()
    {
        var zInv = Z.Invert();
        var x = X * zInv;
        var y = Y * zInv;
        return new NielsPoint(y + x, y - x, FieldElement.One, x * y * FieldElement.D2);
    }

    public static EdwardsPoint operator -(in EdwardsPoint p) => new(-p.X, p.Y, p.Z, -p.T);

    public static EdwardsPoint operator +(in EdwardsPoint p, in EdwardsPoint q) => p + q.ToNiels();

    public static EdwardsPoint operator +(in EdwardsPoint p, in NielsPoint q)
    {
        var a = (p.Y - p.X) * q.YMinusX;
        var b = (p.Y + p.X) * q.YPlusX;
        var c = p.T * q.T2d;
        var zz = p.Z * q.Z;
        var d = zz + zz;
        var e = b - a;
        var f = d - c;
        var g = d + c;
        var h = b + a;
        return new EdwardsPoint(e * f, g * h, f * g, e * h);
    }

    public EdwardsPoint Double()
    {
        var a = X.Square();
        var b = Y.Square();
        var zz = Z.Square();
        var c = zz + zz;
        var h = a + b;
        var e = h - (X + Y).Square();
        var g = a - b;
        var f = c + g;
        return new EdwardsPoint(e * f, g * h, f * g, e * h);
    }

    /// <summary>s * P by a fixed window of signed 4-bit digits: same work for every scalar.</summary>
    public static EdwardsPoint Multiply(in EdwardsPoint p, in Scalar25519 s)
    {
        Span<NielsPoint> table = stackalloc NielsPoint[8];
        var multiple = p;
        table[0] = p.ToNiels();
        for (var k = 1; k < 8; k++)
        {
            multiple += table[0];
            table[k] = multiple.ToNiels();
        }
        Span<sbyte> digits = stackalloc sbyte[64];
        s.ToRadix16(digits);
        var q = Identity + NielsPoint.SelectMultiple(table, digits[63]);
        for (var i = 62; i >= 0; i--)
        {
            q = q.Double().Double().Double().Double();
            q += NielsPoint.SelectMultiple(table, digits[i]);
        }
        digits.Clear();
        return q;
    }

    /// <summary>s * B using the precomputed base point table.</summary>
    public static EdwardsPoint MultiplyBase(in Scalar25519 s) => BasepointTable.Multiply(s);
}
