using System.Globalization;
using Miner.Models.Configuration.Hocon;

namespace Miner.Models.Configuration.Rules;

/// <summary>Reads ranged values and their bounds as one comparable magnitude (ticks, bytes or the number itself).</summary>
public static class SettingScalar
{
    public static SettingKind? KindOf(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type == typeof(TimeSpan)) return SettingKind.Duration;
        if (type == typeof(ByteSize)) return SettingKind.Size;
        if (type == typeof(int) || type == typeof(long) || type == typeof(short) || type == typeof(byte) ||
            type == typeof(uint) || type == typeof(ulong) || type == typeof(ushort) || type == typeof(sbyte)) return SettingKind.Integer;
        if (type == typeof(double) || type == typeof(float) || type == typeof(decimal)) return SettingKind.Number;
        return null;
    }

    /// <summary>The value as a magnitude; NaN for a value that is not ranged (or is NaN), which no range allows.</summary>
    public static double Magnitude(object value) => value switch
    {
        TimeSpan span => span.Ticks,
        ByteSize size => size.Bytes,
        float f => f,
        double d => d,
        decimal m => (double)m,
        IConvertible c when KindOf(value.GetType()) == SettingKind.Integer => c.ToDouble(CultureInfo.InvariantCulture),
        _ => double.NaN,
    };

    /// <summary>
    /// A bound as written in an attribute (<c>1h</c>, <c>64MiB</c>, <c>0.5</c>) for a setting of <paramref name="kind"/>;
    /// a bare 0 is zero of any kind.
    /// </summary>
    public static double ParseBound(string bound, SettingKind kind) => bound == "0" ? 0 : kind switch
    {
        SettingKind.Duration => HoconDuration.Parse(bound).Ticks,
        SettingKind.Size => ByteSize.Parse(bound).Bytes,
        _ => double.Parse(bound, NumberStyles.Float, CultureInfo.InvariantCulture),
    };

    /// <summary>"a duration", "an integer": the noun messages use.</summary>
    public static string Noun(SettingKind kind) => kind switch
    {
        SettingKind.Duration => "duration",
        SettingKind.Size => "size",
        SettingKind.Integer => "integer",
        _ => "number",
    };

    public static string WithArticle(string noun) => (noun[0] is 'a' or 'e' or 'i' or 'o' or 'u' ? "an " : "a ") + noun;

    /// <summary>The value as an operator would write it (<c>10s</c>, <c>64MiB</c>, <c>0.5</c>).</summary>
    public static string Format(object? value) => value switch
    {
        null => "null",
        TimeSpan span => HoconDuration.Format(span),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    /// <summary>The kind of <paramref name="type"/>; a rule on anything else is a programming error.</summary>
    public static SettingKind RequireKind(Type type) =>
        KindOf(type) ?? throw new InvalidOperationException($"a range rule cannot apply to a setting of type {type.Name}");
}
