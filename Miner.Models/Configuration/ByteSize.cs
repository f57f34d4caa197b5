using System.ComponentModel;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using Miner.Models.Configuration.Hocon;

namespace Miner.Models.Configuration;

/// <summary>
/// A size in bytes as written in configuration: <c>512KiB</c>, <c>64MiB</c>, <c>1GB</c>, <c>100 B</c>.
/// Single letters and *i/*iB units are powers of 1024; kB/KB/MB/GB/TB/PB are powers of 1000; a bare number is bytes.
/// </summary>
[TypeConverter(typeof(ByteSizeTypeConverter))]
public readonly record struct ByteSize(long Bytes) : IComparable<ByteSize>, IParsable<ByteSize>
{
    private static readonly Dictionary<string, long> BytesPerUnit = BuildUnits();

    private static readonly (string Unit, long Bytes)[] FormatUnits =
    [
        ("PiB", 1L << 50), ("TiB", 1L << 40), ("GiB", 1L << 30), ("MiB", 1L << 20), ("KiB", 1L << 10),
        ("PB", 1_000_000_000_000_000), ("TB", 1_000_000_000_000), ("GB", 1_000_000_000), ("MB", 1_000_000), ("kB", 1_000),
    ];

    public static ByteSize Parse(string text) =>
        TryParse(text, out var value, out var error) ? value : throw new FormatException(error);

    public static ByteSize Parse(string s, IFormatProvider? provider) => Parse(s);

    public static bool TryParse([NotNullWhen(true)] string? text, out ByteSize value) => TryParse(text, out value, out _);

    public static bool TryParse([NotNullWhen(true)] string? s, IFormatProvider? provider, out ByteSize result) =>
        TryParse(s, out result, out _);

    /// <summary>Like <see cref="TryParse(string?, out ByteSize)"/> with the reason on failure.</summary>
    public static bool TryParse([NotNullWhen(true)] string? text, out ByteSize value, out string error)
    {
        value = default;
        var trimmed = text?.Trim() ?? "";
        var split = HoconDuration.NumberLength(trimmed);
        if (split == 0 || !decimal.TryParse(trimmed[..split], NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint,
                CultureInfo.InvariantCulture, out var amount))
        {
            error = $"'{trimmed}' is not a size (expected a number and a unit, e.g. 64MiB or 1GB)";
            return false;
        }
        var unit = trimmed[split..].TrimStart();
        if (!BytesPerUnit.TryGetValue(unit, out var perUnit))
        {
            error = $"unknown size unit '{unit}' in '{trimmed}' (use B, KiB, MiB, GiB, TiB, kB, MB, GB or TB)";
            return false;
        }
        if (amount < 0)
        {
            error = $"size '{trimmed}' is negative";
            return false;
        }
        try
        {
            var bytes = decimal.Round(amount * perUnit, MidpointRounding.AwayFromZero);
            if (bytes > long.MaxValue) throw new OverflowException();
            value = new ByteSize((long)bytes);
        }
        catch (OverflowException)
        {
            error = $"size '{trimmed}' is out of range";
            return false;
        }
        error = "";
        return true;
    }

    /// <summary>The largest unit that divides exactly, binary first: 64MiB, 1GB, 1000B.</summary>
    public override string ToString()
    {
        if (Bytes == 0) return "0B";
        foreach (var (unit, size) in FormatUnits)
            if (Bytes % size == 0) return $"{Bytes / size}{unit}";
        return $"{Bytes}B";
    }

    public int CompareTo(ByteSize other) => Bytes.CompareTo(other.Bytes);

    private static Dictionary<string, long> BuildUnits()
    {
        var units = new Dictionary<string, long>(StringComparer.Ordinal);
        void Add(long bytes, params string[] names)
        {
            foreach (var name in names) units[name] = bytes;
        }
        Add(1, "", "B", "b", "byte", "bytes");
        Add(1L << 10, "K", "k", "Ki", "KiB", "kibibyte", "kibibytes");
        Add(1L << 20, "M", "m", "Mi", "MiB", "mebibyte", "mebibytes");
        Add(1L << 30, "G", "g", "Gi", "GiB", "gibibyte", "gibibytes");
        Add(1L << 40, "T", "t", "Ti", "TiB", "tebibyte", "tebibytes");
        Add(1L << 50, "P", "p", "Pi", "PiB", "pebibyte", "pebibytes");
        Add(1_000, "kB", "KB", "kilobyte", "kilobytes");
        Add(1_000_000, "MB", "megabyte", "megabytes");
        Add(1_000_000_000, "GB", "gigabyte", "gigabytes");
        Add(1_000_000_000_000, "TB", "terabyte", "terabytes");
        Add(1_000_000_000_000_000, "PB", "petabyte", "petabytes");
        return units;
    }
}
