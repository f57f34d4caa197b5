using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace Miner.Specs.HostileInput;

/// <summary>Small files that claim, or expand to, far more than they hold; made here byte by byte.</summary>
public static class CraftedInputs
{
    /// <summary>A 4 KiB PLY whose header claims 2^31 - 1 vertices.</summary>
    public static byte[] PlyClaimingBillionsOfVertices()
    {
        var header = "ply\nformat binary_little_endian 1.0\nelement vertex 2147483647\nproperty float x\nproperty float y\nproperty float z\n"
            + "property float f_dc_0\nproperty float f_dc_1\nproperty float f_dc_2\nproperty float opacity\nproperty float scale_0\n"
            + "property float scale_1\nproperty float scale_2\nproperty float rot_0\nproperty float rot_1\nproperty float rot_2\nproperty float rot_3\nend_header\n";
        var bytes = new byte[4096];
        Encoding.ASCII.GetBytes(header).CopyTo(bytes, 0);
        return bytes;
    }

    /// <summary>A PLY header that never ends: one property line after another.</summary>
    public static byte[] PlyHeaderWithoutEnd() =>
        Encoding.ASCII.GetBytes("ply\nformat binary_little_endian 1.0\nelement vertex 1\n" + string.Concat(Enumerable.Range(0, 40_000).Select(i => $"property float p{i}\n")));

    /// <summary>A zstd frame that declares 2^40 bytes of content and holds one tiny RLE block.</summary>
    public static byte[] ZstdDeclaringATerabyte()
    {
        var frame = new List<byte>();
        frame.AddRange(BitConverter.GetBytes(0xFD2FB528u));
        frame.Add(0b1110_0000); // 8-byte content size, single segment
        frame.AddRange(BitConverter.GetBytes(1UL << 40));
        AddRleBlock(frame, 16, last: true);
        return frame.ToArray();
    }

    /// <summary>A zstd frame of 64 KiB that expands to 2 GiB of zeros (RLE blocks of 128 KiB) and declares no size.</summary>
    public static byte[] ZstdBomb()
    {
        var frame = new List<byte>();
        frame.AddRange(BitConverter.GetBytes(0xFD2FB528u));
        frame.Add(0);        // no content size, window descriptor follows
        frame.Add(7 << 3);   // window 128 KiB
        const int blocks = 16384;
        for (var i = 0; i < blocks; i++) AddRleBlock(frame, 128 * 1024, last: i == blocks - 1);
        return frame.ToArray();
    }

    /// <summary>A PNG of a few hundred bytes whose header declares 100000 x 100000 RGBA pixels.</summary>
    public static byte[] PngDeclaringTenGigapixels()
    {
        using var png = new MemoryStream();
        png.Write([0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]);
        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, 100_000);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), 100_000);
        header[8] = 8;
        header[9] = 6;
        Chunk(png, "IHDR", header);
        using (var compressed = new MemoryStream())
        {
            using (var zlib = new ZLibStream(compressed, CompressionLevel.SmallestSize, leaveOpen: true)) zlib.Write(new byte[200_000]);
            Chunk(png, "IDAT", compressed.ToArray());
        }
        Chunk(png, "IEND", []);
        return png.ToArray();
    }

    /// <summary>HOCON whose value doubles at every level: 2^40 characters once resolved ("billion laughs").</summary>
    public static string HoconBillionLaughs()
    {
        var text = new StringBuilder("l0 = \"lol\"\n");
        for (var i = 1; i <= 40; i++) text.Append($"l{i} = ${{l{i - 1}}}${{l{i - 1}}}\n");
        text.Append("wallet.name = ${l40}\n");
        return text.ToString();
    }

    /// <summary>100,000 nested objects.</summary>
    public static string HoconDeepNesting() => "a = " + new string('{', 100_000) + new string('}', 100_000) + "\n";

    /// <summary>Bytes no parser expects.</summary>
    public static byte[] Garbage(int length, int seed) => Enumerable.Range(0, length).Select(i => (byte)((i * 2654435761u + (uint)seed) >> 13)).ToArray();

    private static void AddRleBlock(List<byte> frame, int size, bool last)
    {
        var header = (size << 3) | (1 << 1) | (last ? 1 : 0);
        frame.Add((byte)header);
        frame.Add((byte)(header >> 8));
        frame.Add((byte)(header >> 16));
        frame.Add(0);
    }

    private static void Chunk(Stream png, string type, byte[] data)
    {
        Span<byte> word = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(word, data.Length);
        png.Write(word);
        var typed = Encoding.ASCII.GetBytes(type).Concat(data).ToArray();
        png.Write(typed);
        BinaryPrimitives.WriteUInt32BigEndian(word, Crc32(typed));
        png.Write(word);
    }

    private static uint Crc32(byte[] bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++) crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
        }
        return ~crc;
    }
}
