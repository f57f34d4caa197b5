using System.Globalization;
using System.Text;

namespace Miner.Models.Splats;

/// <summary>Parses the text header of any PLY (the meshio superset: comments, blank lines, CRLF, all three formats).</summary>
internal static class PlyHeaderParser
{
    private const string Ply = "PLY";

    public static PlyHeader Parse(ByteSource source, int maxHeaderBytes)
    {
        var lineNumber = 0;
        PlyFormat? format = null;
        var elements = new List<PlyElement>();
        var names = new HashSet<string>(StringComparer.Ordinal);
        List<PlyProperty>? properties = null;
        while (true)
        {
            var line = NextLine(source, maxHeaderBytes, lineNumber + 1);
            lineNumber++;
            if (lineNumber == 1)
            {
                if (line != "ply") throw Error($"the file does not start with a 'ply' line (found '{Shorten(line)}')", lineNumber);
                continue;
            }
            if (line.Length == 0 || IsKeyword(line, "comment") || IsKeyword(line, "obj_info")) continue;

            var tokens = line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            switch (tokens[0])
            {
                case "format":
                    if (format is not null) throw Error("a second 'format' line", lineNumber);
                    if (tokens.Length != 3) throw Error($"expected 'format <type> 1.0', found '{Shorten(line)}'", lineNumber);
                    format = tokens[1] switch
                    {
                        "ascii" => PlyFormat.Ascii,
                        "binary_little_endian" => PlyFormat.BinaryLittleEndian,
                        "binary_big_endian" => PlyFormat.BinaryBigEndian,
                        _ => throw Error($"unknown format '{Shorten(tokens[1])}'", lineNumber),
                    };
                    if (tokens[2] != "1.0") throw Error($"unsupported PLY version '{Shorten(tokens[2])}'", lineNumber);
                    break;
                case "element":
                    if (tokens.Length != 3) throw Error($"expected 'element <name> <count>', found '{Shorten(line)}'", lineNumber);
                    if (!long.TryParse(tokens[2], NumberStyles.None, CultureInfo.InvariantCulture, out var count))
                        throw Error($"element '{Shorten(tokens[1])}' has an invalid count '{Shorten(tokens[2])}'", lineNumber);
                    if (!names.Add(tokens[1])) throw Error($"element '{Shorten(tokens[1])}' is declared twice", lineNumber);
                    properties = [];
                    elements.Add(new PlyElement(tokens[1], count, properties, lineNumber));
                    break;
                case "property":
                    if (properties is null) throw Error("a 'property' line before any 'element' line", lineNumber);
                    properties.Add(ParseProperty(tokens, line, lineNumber));
                    break;
                case "end_header":
                    if (format is null) throw Error("'end_header' before any 'format' line", lineNumber);
                    return new PlyHeader(format.Value, elements, checked((int)source.Position));
                default:
                    throw Error($"unexpected header line '{Shorten(line)}'", lineNumber);
            }
        }
    }

    public static int SizeOf(PlyScalarType type) => type switch
    {
        PlyScalarType.Int8 or PlyScalarType.UInt8 => 1,
        PlyScalarType.Int16 or PlyScalarType.UInt16 => 2,
        PlyScalarType.Int32 or PlyScalarType.UInt32 or PlyScalarType.Float32 => 4,
        _ => 8,
    };

    private static PlyProperty ParseProperty(string[] tokens, string line, int lineNumber)
    {
        if (tokens.Length >= 2 && tokens[1] == "list")
        {
            if (tokens.Length != 5) throw Error($"expected 'property list <count type> <item type> <name>', found '{Shorten(line)}'", lineNumber);
            var countType = ParseType(tokens[2], lineNumber, tokens[4]);
            if (countType is PlyScalarType.Float32 or PlyScalarType.Float64)
                throw new SplatFormatException(Ply, "a list count type must be an integer type", headerLine: lineNumber, property: tokens[4]);
            return new PlyProperty(tokens[4], ParseType(tokens[3], lineNumber, tokens[4]), countType, lineNumber);
        }
        if (tokens.Length != 3) throw Error($"expected 'property <type> <name>', found '{Shorten(line)}'", lineNumber);
        return new PlyProperty(tokens[2], ParseType(tokens[1], lineNumber, tokens[2]), null, lineNumber);
    }

    private static PlyScalarType ParseType(string name, int lineNumber, string property) => name switch
    {
        "char" or "int8" => PlyScalarType.Int8,
        "uchar" or "uint8" => PlyScalarType.UInt8,
        "short" or "int16" => PlyScalarType.Int16,
        "ushort" or "uint16" => PlyScalarType.UInt16,
        "int" or "int32" => PlyScalarType.Int32,
        "uint" or "uint32" => PlyScalarType.UInt32,
        "int64" => PlyScalarType.Int64,
        "uint64" => PlyScalarType.UInt64,
        "float" or "float32" => PlyScalarType.Float32,
        "double" or "float64" => PlyScalarType.Float64,
        _ => throw new SplatFormatException(Ply, $"unknown property type '{Shorten(name)}'", headerLine: lineNumber, property: Shorten(property)),
    };

    private static string NextLine(ByteSource source, int maxHeaderBytes, int lineNumber)
    {
        int newline;
        while ((newline = source.Available.IndexOf((byte)'\n')) < 0)
        {
            var available = source.Count;
            if (source.Position + available >= maxHeaderBytes)
                throw new SplatFormatException(Ply, $"the header does not end within {maxHeaderBytes} bytes", maxHeaderBytes, lineNumber);
            if (source.Fill(available + 4096) == available)
                throw new SplatFormatException(Ply, "the file ends inside the header", source.Position + available, lineNumber);
        }
        if (source.Position + newline >= maxHeaderBytes)
            throw new SplatFormatException(Ply, $"the header does not end within {maxHeaderBytes} bytes", maxHeaderBytes, lineNumber);
        var text = Encoding.Latin1.GetString(source.Available[..newline]).Trim();
        source.Consume(newline + 1);
        return text;
    }

    private static bool IsKeyword(string line, string keyword) =>
        line.StartsWith(keyword, StringComparison.Ordinal) && (line.Length == keyword.Length || char.IsWhiteSpace(line[keyword.Length]));

    private static SplatFormatException Error(string problem, int lineNumber) => new(Ply, problem, headerLine: lineNumber);

    /// <summary>Keeps messages short and printable when the "header" is really random bytes.</summary>
    private static string Shorten(string text)
    {
        var cleaned = new string(text.Select(c => c is >= ' ' and <= '~' ? c : '?').Take(60).ToArray());
        return text.Length > 60 ? cleaned + "..." : cleaned;
    }
}
