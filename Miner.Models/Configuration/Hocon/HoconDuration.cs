using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Miner.Models.Configuration.Hocon;

/// <summary>
/// Durations as written in configuration: a number and a unit (<c>500ms</c>, <c>10s</c>, <c>1.5h</c>,
/// <c>2 days</c>), or the TimeSpan form <c>00:00:10</c>. A bare number is refused: it is ambiguous.
/// </summary>
public static class HoconDuration
{
    private const decimal TicksPerMicrosecond = 10m;

    private static readonly Dictionary<string, decimal> TicksPerUnit = BuildUnits();

    public static TimeSpan Parse(string text) =>
        TryParse(text, out var value, out var error) ? value : throw new FormatException(error);

    public static bool TryParse([NotNullWhen(true)] string? text, out TimeSpan value) => TryParse(text, out value, out _);

    /// <summary>Like <see cref="TryParse(string?, out TimeSpan)"/> with the reason on failure.</summary>
    public static bool TryParse([NotNullWhen(true)] string? text, out TimeSpan value, out string error)
    {
        value = default;
        var trimmed = text?.Trim() ?? "";
        if (trimmed.Length == 0)
        {
            error = "empty duration";
            return false;
        }
        if (trimmed.Contains(':'))
        {
            var ok = TimeSpan.TryParse(trimmed, CultureInfo.InvariantCulture, out value);
            error = ok ? "" : $"'{trimmed}' is not a duration (expected e.g. 00:00:10)";
            return ok;
        }

        var split = NumberLength(trimmed);
        var unit = trimmed[split..].TrimStart();
        if (split == 0 || !decimal.TryParse(trimmed[..split], NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint,
                CultureInfo.InvariantCulture, out var amount))
        {
            error = $"'{trimmed}' is not a duration (expected a number and a unit, e.g. 10s or 500ms)";
            return false;
        }
        if (unit.Length == 0)
        {
            error = $"'{trimmed}' has no unit: a bare number is ambiguous for a duration, write e.g. {trimmed}s or {trimmed}ms";
            return false;
        }
        if (!TicksPerUnit.TryGetValue(unit, out var ticksPerUnit))
        {
            error = $"unknown duration unit '{unit}' in '{trimmed}' (use ns, us, ms, s, m, h or d)";
            return false;
        }
        try
        {
            var ticks = decimal.Round(amount * ticksPerUnit, MidpointRounding.AwayFromZero);
            if (ticks < TimeSpan.MinValue.Ticks || ticks > TimeSpan.MaxValue.Ticks) throw new OverflowException();
            value = TimeSpan.FromTicks((long)ticks);
        }
        catch (OverflowException)
        {
            error = $"duration '{trimmed}' is out of range";
            return false;
        }
        error = "";
        return true;
    }

    /// <summary>The shortest exact form in the largest unit that divides the value: 10s, 1500ms, 2d.</summary>
    public static string Format(TimeSpan value)
    {
        if (value == TimeSpan.Zero) return "0s";
        (string Unit, long Ticks)[] units =
        [
            ("d", TimeSpan.TicksPerDay), ("h", TimeSpan.TicksPerHour), ("m", TimeSpan.TicksPerMinute),
            ("s", TimeSpan.TicksPerSecond), ("ms", TimeSpan.TicksPerMillisecond), ("us", (long)TicksPerMicrosecond),
        ];
        foreach (var (unit, ticks) in units)
            if (value.Ticks % ticks == 0) return $"{value.Ticks / ticks}{unit}";
        return $"{(decimal)value.Ticks * 100m}ns";
    }

    /// <summary>Length of the leading [-]digits[.digits].</summary>
    internal static int NumberLength(string text)
    {
        var i = text.Length > 0 && text[0] is '-' or '+' ? 1 : 0;
        var digitsStart = i;
        while (i < text.Length && char.IsAsciiDigit(text[i])) i++;
        if (i < text.Length - 1 && text[i] == '.' && char.IsAsciiDigit(text[i + 1]))
        {
            i++;
            while (i < text.Length && char.IsAsciiDigit(text[i])) i++;
        }
        return i == digitsStart ? 0 : i;
    }

    private static Dictionary<string, decimal> BuildUnits()
    {
        var units = new Dictionary<string, decimal>(StringComparer.Ordinal);
        void Add(decimal ticks, params string[] names)
        {
            foreach (var name in names) units[name] = ticks;
        }
        Add(TicksPerMicrosecond / 1000m, "ns", "nano", "nanos", "nanosecond", "nanoseconds");
        Add(TicksPerMicrosecond, "us", "micro", "micros", "microsecond", "microseconds");
        Add(TimeSpan.TicksPerMillisecond, "ms", "milli", "millis", "millisecond", "milliseconds");
        Add(TimeSpan.TicksPerSecond, "s", "second", "seconds");
        Add(TimeSpan.TicksPerMinute, "m", "minute", "minutes");
        Add(TimeSpan.TicksPerHour, "h", "hour", "hours");
        Add(TimeSpan.TicksPerDay, "d", "day", "days");
        return units;
    }
}
