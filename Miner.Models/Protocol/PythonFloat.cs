using System.Globalization;

namespace Miner.Models.Protocol;

/// <summary>
/// Python's <c>repr(float)</c>: the shortest round-tripping digits, always with a decimal point or an exponent
/// (<c>12.0</c>, <c>0.6</c>, <c>1e-05</c>, <c>1e+16</c>). Bodies and the <c>timeout</c> header use it, so requests
/// match a Python dendrite's byte for byte.
/// </summary>
internal static class PythonFloat
{
    public static string Repr(double value)
    {
        if (!double.IsFinite(value)) throw new ArgumentOutOfRangeException(nameof(value), value, "JSON has no NaN or infinity");
        if (value == 0) return double.IsNegative(value) ? "-0.0" : "0.0";

        // .NET's "R" is also the shortest round-trip form; only the layout differs from Python's.
        var shortest = value.ToString("R", CultureInfo.InvariantCulture);
        var negative = shortest[0] == '-';
        var (digits, pointPosition) = Decompose(negative ? shortest[1..] : shortest);

        var sign = negative ? "-" : "";
        // CPython switches to exponent notation when the point would sit 4+ places before or 17+ after the digits.
        if (pointPosition <= -4 || pointPosition > 16)
        {
            var mantissa = digits.Length == 1 ? digits : $"{digits[0]}.{digits[1..]}";
            var exponent = pointPosition - 1;
            return $"{sign}{mantissa}e{(exponent < 0 ? '-' : '+')}{Math.Abs(exponent):00}";
        }
        if (pointPosition <= 0) return $"{sign}0.{new string('0', -pointPosition)}{digits}";
        if (pointPosition < digits.Length) return $"{sign}{digits[..pointPosition]}.{digits[pointPosition..]}";
        return $"{sign}{digits}{new string('0', pointPosition - digits.Length)}.0";
    }

    // "1.2345E-05" or "123.45" -> significant digits and where the point goes (value = 0.DIGITS x 10^point).
    private static (string Digits, int PointPosition) Decompose(string shortest)
    {
        var exponent = 0;
        var e = shortest.IndexOf('E');
        if (e >= 0)
        {
            exponent = int.Parse(shortest.AsSpan(e + 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
            shortest = shortest[..e];
        }
        var dot = shortest.IndexOf('.');
        var integerDigits = dot < 0 ? shortest.Length : dot;
        var all = shortest.Replace(".", "", StringComparison.Ordinal);
        var leadingZeros = all.Length - all.TrimStart('0').Length;
        var digits = all.Trim('0');
        return (digits, integerDigits - leadingZeros + exponent);
    }
}
