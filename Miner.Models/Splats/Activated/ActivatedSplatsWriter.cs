using System.Buffers.Binary;
using System.Runtime.InteropServices;

namespace Miner.Models.Splats;

/// <summary>Writes <see cref="ActivatedSplatsLayout"/> (for backends written in .NET, fakes and specs).</summary>
public static class ActivatedSplatsWriter
{
    public static void Write(Stream output, ActivatedSplats splats)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(splats);
        if (splats.ShDegree is < 0 or > ActivatedSplatsLayout.MaxShDegree)
            throw new ArgumentOutOfRangeException(nameof(splats), splats.ShDegree, "SH degree must be 0..3");
        Span<byte> header = stackalloc byte[ActivatedSplatsLayout.HeaderBytes];
        ActivatedSplatsLayout.Magic.CopyTo(header);
        BinaryPrimitives.WriteUInt16LittleEndian(header[4..], ActivatedSplatsLayout.Version);
        header[6] = (byte)splats.ShDegree;
        header[7] = splats.ColourEncoding == ColourEncoding.ShDc ? (byte)1 : (byte)0;
        BinaryPrimitives.WriteUInt32LittleEndian(header[8..], (uint)splats.Count);
        output.Write(header);
        foreach (var array in new[] { splats.Positions, splats.Colours, splats.Opacities, splats.Scales, splats.Rotations, splats.ShRest })
            WriteFloats(output, array);
    }

    public static byte[] ToBytes(ActivatedSplats splats)
    {
        using var buffer = new MemoryStream();
        Write(buffer, splats);
        return buffer.ToArray();
    }

    private static void WriteFloats(Stream output, float[] values)
    {
        if (BitConverter.IsLittleEndian)
        {
            output.Write(MemoryMarshal.AsBytes(values.AsSpan()));
            return;
        }
        Span<byte> one = stackalloc byte[4];
        foreach (var value in values)
        {
            BinaryPrimitives.WriteSingleLittleEndian(one, value);
            output.Write(one);
        }
    }
}
