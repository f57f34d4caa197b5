using System.Buffers.Binary;
using System.Globalization;
using System.Text;
using Miner.Models.Splats;

namespace Miner.Specs.Splats;

/// <summary>Test data: random clouds and hand-built PLY files of any layout.</summary>
internal static class SplatSamples
{
    public static readonly string[] StandardProperties =
        ["x", "y", "z", "f_dc_0", "f_dc_1", "f_dc_2", "opacity", "scale_0", "scale_1", "scale_2", "rot_0", "rot_1", "rot_2", "rot_3"];

    /// <summary>A plausible cloud: positions within +-1, logits within +-8, log-scales -9..-2, random quaternions.</summary>
    public static GaussianCloud RandomCloud(int count, int shDegree = 0, int seed = 1)
    {
        var random = new Random(seed);
        var cloud = new GaussianCloud(count, shDegree);
        Fill(cloud.Positions, random, -1f, 1f);
        Fill(cloud.ShDc, random, -2f, 2f);
        Fill(cloud.ShRest, random, -0.9f, 0.9f);
        Fill(cloud.Opacities, random, -8f, 8f);
        Fill(cloud.Scales, random, -9f, -2f);
        Fill(cloud.Rotations, random, -1f, 1f);
        return cloud;
    }

    public static void Fill(float[] values, Random random, float min, float max)
    {
        for (var i = 0; i < values.Length; i++) values[i] = min + (max - min) * random.NextSingle();
    }

    /// <summary>The value a cloud holds for a PLY property name (standard names and f_rest_*).</summary>
    public static float Value(GaussianCloud cloud, int i, string property) => property switch
    {
        "x" => cloud.Positions[3 * i],
        "y" => cloud.Positions[3 * i + 1],
        "z" => cloud.Positions[3 * i + 2],
        "opacity" => cloud.Opacities[i],
        _ when property.StartsWith("f_dc_") => cloud.ShDc[3 * i + Index(property)],
        _ when property.StartsWith("f_rest_") && Index(property) < cloud.ShRestPerSplat => cloud.ShRest[cloud.ShRestPerSplat * i + Index(property)],
        _ when property.StartsWith("scale_") => cloud.Scales[3 * i + Index(property)],
        _ when property.StartsWith("rot_") => cloud.Rotations[4 * i + Index(property)],
        _ => 0.25f,
    };

    /// <summary>A PLY of the cloud with the given (type, name) properties in the given order and format.</summary>
    public static byte[] BuildPly(GaussianCloud cloud, (string Type, string Name)[] properties, string format = "binary_little_endian",
        string beforeVertex = "", Action<BinaryWriter>? writeBeforeVertex = null, string lineEnd = "\n")
    {
        var header = new StringBuilder();
        header.Append("ply").Append(lineEnd).Append("format ").Append(format).Append(" 1.0").Append(lineEnd);
        header.Append(beforeVertex);
        header.Append("element vertex ").Append(cloud.Count).Append(lineEnd);
        foreach (var (type, name) in properties) header.Append("property ").Append(type).Append(' ').Append(name).Append(lineEnd);
        header.Append("end_header").Append(lineEnd);
        using var memory = new MemoryStream();
        memory.Write(Encoding.ASCII.GetBytes(header.ToString()));
        if (format == "ascii")
        {
            var text = new StringBuilder();
            for (var i = 0; i < cloud.Count; i++)
                text.AppendJoin(' ', properties.Select(p => FormatAscii(Value(cloud, i, p.Name), p.Type))).Append(lineEnd);
            memory.Write(Encoding.ASCII.GetBytes(text.ToString()));
            return memory.ToArray();
        }
        var bigEndian = format == "binary_big_endian";
        using var writer = new BinaryWriter(memory);
        writeBeforeVertex?.Invoke(writer);
        Span<byte> scratch = stackalloc byte[8];
        for (var i = 0; i < cloud.Count; i++)
            foreach (var (type, name) in properties)
            {
                var size = WriteScalar(scratch, Value(cloud, i, name), type, bigEndian);
                writer.Write(scratch[..size]);
            }
        writer.Flush();
        return memory.ToArray();
    }

    public static (string, string)[] Floats(IEnumerable<string> names) => names.Select(n => ("float", n)).ToArray();

    public static GaussianCloud ReadPly(byte[] bytes) => PlyReader.Read(new MemoryStream(bytes));

    private static int Index(string property) => int.Parse(property[(property.LastIndexOf('_') + 1)..], CultureInfo.InvariantCulture);

    private static string FormatAscii(float value, string type) =>
        type is "float" or "double" ? value.ToString("R", CultureInfo.InvariantCulture) : ((long)value).ToString(CultureInfo.InvariantCulture);

    private static int WriteScalar(Span<byte> target, float value, string type, bool bigEndian)
    {
        switch (type)
        {
            case "float":
                if (bigEndian) BinaryPrimitives.WriteSingleBigEndian(target, value); else BinaryPrimitives.WriteSingleLittleEndian(target, value);
                return 4;
            case "double":
                if (bigEndian) BinaryPrimitives.WriteDoubleBigEndian(target, value); else BinaryPrimitives.WriteDoubleLittleEndian(target, value);
                return 8;
            case "uchar":
                target[0] = (byte)value;
                return 1;
            case "short":
                if (bigEndian) BinaryPrimitives.WriteInt16BigEndian(target, (short)value); else BinaryPrimitives.WriteInt16LittleEndian(target, (short)value);
                return 2;
            case "int":
                if (bigEndian) BinaryPrimitives.WriteInt32BigEndian(target, (int)value); else BinaryPrimitives.WriteInt32LittleEndian(target, (int)value);
                return 4;
            default:
                throw new ArgumentException($"test helper does not write {type}");
        }
    }
}
