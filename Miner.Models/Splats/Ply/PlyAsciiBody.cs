using System.Globalization;
using System.Text;

namespace Miner.Models.Splats;

/// <summary>Whitespace-separated ascii PLY bodies: one token per value, list properties as a count then the items.</summary>
internal static class PlyAsciiBody
{
    private const string Ply = "PLY";
    private const int MaxTokenBytes = 256;

    public static void SkipElement(ByteSource source, PlyElement element)
    {
        // records without properties take no bytes: counting through 2^63 of them would never end
        if (element.Properties.Count == 0) return;
        for (long item = 0; item < element.Count; item++)
            foreach (var property in element.Properties)
            {
                var items = property.IsList ? ReadListCount(source, element.Name, item, property) : 1;
                for (long k = 0; k < items; k++) NextToken(source, element.Name, item, property.Name, out _);
            }
    }

    public static void ReadVertices(ByteSource source, PlyElement vertex, PlyCloudBuffer buffer)
    {
        for (var v = 0; v < vertex.Count; v++)
        {
            buffer.EnsureRoom(v + 1);
            foreach (var column in buffer.Columns)
            {
                var token = NextToken(source, "vertex", v, column.Name, out var offset);
                if (column.Target is null) continue;
                column.Target[v * column.Stride + column.Index] = ParseValue(token, column.Type, offset, v, column.Name);
            }
        }
    }

    private static long ReadListCount(ByteSource source, string element, long item, PlyProperty property)
    {
        var token = NextToken(source, element, item, property.Name, out var offset);
        if (!long.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out var count))
            throw new SplatFormatException(Ply, $"invalid list length '{Printable(token)}' in element '{element}' item {item}", offset, property: property.Name);
        return count;
    }

    private static float ParseValue(ReadOnlySpan<byte> token, PlyScalarType type, long offset, int vertex, string property)
    {
        switch (type)
        {
            case PlyScalarType.Float32:
                if (float.TryParse(token, NumberStyles.Float, CultureInfo.InvariantCulture, out var single)) return single;
                break;
            case PlyScalarType.Float64:
                if (double.TryParse(token, NumberStyles.Float, CultureInfo.InvariantCulture, out var dbl)) return (float)dbl;
                break;
            case PlyScalarType.UInt64:
                if (ulong.TryParse(token, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var unsigned)) return unsigned;
                break;
            default:
                if (long.TryParse(token, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var integer)) return integer;
                break;
        }
        if (type is PlyScalarType.Float32 or PlyScalarType.Float64 && TryParseSpecial(token, out var special)) return special;
        throw new SplatFormatException(Ply, $"vertex {vertex} holds '{Printable(token)}', not a {type} value", offset, property: property);
    }

    /// <summary>Python and C write inf/nan in lower case, which .NET's parser does not take.</summary>
    private static bool TryParseSpecial(ReadOnlySpan<byte> token, out float value)
    {
        var sign = 1f;
        if (token.Length > 0 && (token[0] == (byte)'-' || token[0] == (byte)'+'))
        {
            sign = token[0] == (byte)'-' ? -1f : 1f;
            token = token[1..];
        }
        if (Ascii.EqualsIgnoreCase(token, "inf"u8) || Ascii.EqualsIgnoreCase(token, "infinity"u8))
        {
            value = sign * float.PositiveInfinity;
            return true;
        }
        value = float.NaN;
        return Ascii.EqualsIgnoreCase(token, "nan"u8);
    }

    private static ReadOnlySpan<byte> NextToken(ByteSource source, string element, long item, string property, out long offset)
    {
        while (true)
        {
            var skipped = source.Available.IndexOfAnyExcept(" \t\r\n\f\v"u8);
            if (skipped >= 0)
            {
                source.Consume(skipped);
                break;
            }
            source.Consume(source.Count);
            if (source.Fill(1) == 0)
                throw new SplatFormatException(Ply, $"the file ends before element '{element}' item {item} is complete", source.Position, property: property);
        }
        int length;
        while ((length = source.Available.IndexOfAny(" \t\r\n\f\v"u8)) < 0)
        {
            var available = source.Count;
            if (available > MaxTokenBytes)
                throw new SplatFormatException(Ply, $"a value longer than {MaxTokenBytes} characters in element '{element}' item {item}", source.Position, property: property);
            if (source.Fill(available + 4096) == available)
            {
                length = available;
                break;
            }
        }
        offset = source.Position;
        var token = source.Available[..length];
        source.Consume(length);
        return token;
    }

    private static string Printable(ReadOnlySpan<byte> token)
    {
        var text = Encoding.Latin1.GetString(token[..Math.Min(token.Length, 40)]);
        return new string(text.Select(c => c is >= ' ' and <= '~' ? c : '?').ToArray());
    }
}
