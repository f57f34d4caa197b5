using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using Miner.Models.Files;

namespace Miner.Models.Splats;

/// <summary>
/// Reads gaussian splat PLY files: ascii and binary (both endiannesses), any property order, integer/float/double
/// types, SH degree from the f_rest count, normals and other extra properties or elements skipped. The body is
/// streamed in blocks straight into the cloud's arrays; errors name the header line or byte offset and the property.
/// </summary>
public static class PlyReader
{
    private const string Ply = "PLY";
    private const int BlockBytes = 4 << 20;

    /// <summary>Reads a regular file; a FIFO, device or folder is refused before it is opened.</summary>
    public static GaussianCloud ReadFile(string path, SplatReadOptions? options = null, int threads = 0)
    {
        using var stream = InputFile.OpenRead(path, 1, FileOptions.SequentialScan);
        return Read(stream, out _, options, threads);
    }

    public static GaussianCloud Read(Stream stream, SplatReadOptions? options = null, int threads = 0) =>
        Read(stream, out _, options, threads);

    public static GaussianCloud Read(Stream stream, out PlyHeader header, SplatReadOptions? options = null, int threads = 0)
    {
        options ??= new SplatReadOptions();
        var start = stream.CanSeek ? stream.Position : 0;
        using var source = new ByteSource(stream, BlockBytes);
        header = PlyHeaderParser.Parse(source, options.MaxPlyHeaderBytes);
        var vertex = header.Vertex ?? throw new SplatFormatException(Ply, "the header declares no 'vertex' element", header.Length);
        if (vertex.Count > options.MaxGaussians)
            throw new SplatFormatException(Ply, $"{vertex.Count} vertices exceed the limit of {options.MaxGaussians}",
                headerLine: vertex.HeaderLine);
        var layout = PlyVertexLayout.Build(vertex);
        if (stream.CanSeek) CheckDeclaredSize(header, layout, stream.Length - start - header.Length);

        var buffer = new PlyCloudBuffer(layout, (int)vertex.Count, lengthKnown: stream.CanSeek);
        foreach (var element in header.Elements)
        {
            if (ReferenceEquals(element, vertex)) break;
            if (header.Format == PlyFormat.Ascii) PlyAsciiBody.SkipElement(source, element);
            else SkipBinaryElement(source, element, header.Format == PlyFormat.BinaryBigEndian);
        }
        if (header.Format == PlyFormat.Ascii) PlyAsciiBody.ReadVertices(source, vertex, buffer);
        else ReadBinaryVertices(source, layout, buffer, (int)vertex.Count, header.Format == PlyFormat.BinaryBigEndian, threads);
        return buffer.Cloud;
    }

    /// <summary>Rejects a header whose counts need more bytes than the file holds, before allocating for them.</summary>
    private static void CheckDeclaredSize(PlyHeader header, PlyVertexLayout layout, long bodyBytes)
    {
        decimal needed = 0;
        foreach (var element in header.Elements)
        {
            // ascii: at least one character and one separator per value
            var perRecord = header.Format == PlyFormat.Ascii
                ? 2 * element.Properties.Count
                : element.Properties.Sum(p => PlyHeaderParser.SizeOf(p.ListCountType ?? p.Type));
            needed += (decimal)element.Count * perRecord;
            if (element.Name != "vertex") continue;
            if (header.Format == PlyFormat.Ascii) needed -= 1;
            if (needed > bodyBytes)
                throw new SplatFormatException(Ply,
                    $"element 'vertex' declares {element.Count} records ({(header.Format == PlyFormat.Ascii ? "ascii" : $"{layout.Stride} bytes each")}) "
                    + $"needing at least {needed} bytes, but only {bodyBytes} bytes follow the header",
                    header.Length, element.HeaderLine);
            return;
        }
    }

    private static void ReadBinaryVertices(ByteSource source, PlyVertexLayout layout, PlyCloudBuffer buffer, int count,
        bool bigEndian, int threads)
    {
        var stride = layout.Stride;
        var blockRecords = Math.Max(1, BlockBytes / Math.Max(1, stride));
        var done = 0;
        while (done < count)
        {
            var want = Math.Min(blockRecords, count - done);
            var available = source.Fill(want * stride);
            var records = Math.Min(want, available / stride);
            if (records == 0)
            {
                var end = source.Position + available;
                throw new SplatFormatException(Ply,
                    $"the file ends inside vertex {done} of {count} ({available} of its {stride} bytes present)",
                    end, property: layout.PropertyAt(available));
            }
            buffer.EnsureRoom(done + records);
            var block = source.Available[..(records * stride)];
            DecodeBlock(block, records, stride, buffer.Columns, done, bigEndian, threads);
            source.Consume(records * stride);
            done += records;
        }
    }

    private static unsafe void DecodeBlock(ReadOnlySpan<byte> block, int records, int stride, PlyColumn[] columns,
        int firstVertex, bool bigEndian, int threads)
    {
        var runs = bigEndian == BitConverter.IsLittleEndian ? null : PlyColumnRun.TryBuild(columns);
        fixed (byte* basePointer = block)
        {
            var pointer = (nint)basePointer;
            SplatThreads.For(records, threads, 8_192, (from, to) =>
            {
                if (runs is not null)
                {
                    DecodeRuns((byte*)pointer, from, to, stride, runs, firstVertex);
                    return;
                }
                foreach (var column in columns)
                    if (column.Target is not null)
                        DecodeColumn((byte*)pointer, from, to, stride, column, firstVertex, bigEndian);
            });
        }
    }

    /// <summary>All-float32 native-endian records: copy each run of adjacent properties with one span copy.</summary>
    private static unsafe void DecodeRuns(byte* block, int from, int to, int stride, PlyColumnRun[] runs, int firstVertex)
    {
        for (var r = from; r < to; r++)
        {
            var record = block + (long)r * stride;
            foreach (var run in runs)
                new ReadOnlySpan<float>(record + run.Offset, run.Count)
                    .CopyTo(run.Target.AsSpan((firstVertex + r) * run.Stride + run.Index, run.Count));
        }
    }

    private static unsafe void DecodeColumn(byte* block, int from, int to, int stride, PlyColumn column, int firstVertex,
        bool bigEndian)
    {
        var target = column.Target!;
        var source = block + (long)from * stride + column.Offset;
        var index = (firstVertex + from) * column.Stride + column.Index;
        if (column.Type == PlyScalarType.Float32 && bigEndian != BitConverter.IsLittleEndian)
        {
            for (var r = from; r < to; r++, source += stride, index += column.Stride)
                target[index] = Unsafe.ReadUnaligned<float>(source);
            return;
        }
        var size = PlyHeaderParser.SizeOf(column.Type);
        for (var r = from; r < to; r++, source += stride, index += column.Stride)
            target[index] = ReadScalar(new ReadOnlySpan<byte>(source, size), column.Type, bigEndian);
    }

    private static float ReadScalar(ReadOnlySpan<byte> bytes, PlyScalarType type, bool bigEndian) => type switch
    {
        PlyScalarType.Int8 => (sbyte)bytes[0],
        PlyScalarType.UInt8 => bytes[0],
        PlyScalarType.Int16 => bigEndian ? BinaryPrimitives.ReadInt16BigEndian(bytes) : BinaryPrimitives.ReadInt16LittleEndian(bytes),
        PlyScalarType.UInt16 => bigEndian ? BinaryPrimitives.ReadUInt16BigEndian(bytes) : BinaryPrimitives.ReadUInt16LittleEndian(bytes),
        PlyScalarType.Int32 => bigEndian ? BinaryPrimitives.ReadInt32BigEndian(bytes) : BinaryPrimitives.ReadInt32LittleEndian(bytes),
        PlyScalarType.UInt32 => bigEndian ? BinaryPrimitives.ReadUInt32BigEndian(bytes) : BinaryPrimitives.ReadUInt32LittleEndian(bytes),
        PlyScalarType.Int64 => bigEndian ? BinaryPrimitives.ReadInt64BigEndian(bytes) : BinaryPrimitives.ReadInt64LittleEndian(bytes),
        PlyScalarType.UInt64 => bigEndian ? BinaryPrimitives.ReadUInt64BigEndian(bytes) : BinaryPrimitives.ReadUInt64LittleEndian(bytes),
        PlyScalarType.Float32 => bigEndian ? BinaryPrimitives.ReadSingleBigEndian(bytes) : BinaryPrimitives.ReadSingleLittleEndian(bytes),
        _ => (float)(bigEndian ? BinaryPrimitives.ReadDoubleBigEndian(bytes) : BinaryPrimitives.ReadDoubleLittleEndian(bytes)),
    };

    private static void SkipBinaryElement(ByteSource source, PlyElement element, bool bigEndian)
    {
        if (element.Properties.All(p => !p.IsList))
        {
            var recordBytes = element.Properties.Sum(p => PlyHeaderParser.SizeOf(p.Type));
            if (recordBytes > 0 && element.Count > long.MaxValue / recordBytes)
                throw new SplatFormatException(Ply, $"element '{element.Name}' declares {element.Count} records, more bytes than any file holds", source.Position);
            var remaining = element.Count * recordBytes;
            while (remaining > 0)
            {
                var available = source.Fill((int)Math.Min(remaining, BlockBytes));
                if (available == 0)
                    throw new SplatFormatException(Ply, $"the file ends inside element '{element.Name}'", source.Position);
                var step = (int)Math.Min(remaining, available);
                source.Consume(step);
                remaining -= step;
            }
            return;
        }
        for (long item = 0; item < element.Count; item++)
            foreach (var property in element.Properties)
            {
                var countSize = property.IsList ? PlyHeaderParser.SizeOf(property.ListCountType!.Value) : 0;
                var itemSize = PlyHeaderParser.SizeOf(property.Type);
                long skip = itemSize;
                if (property.IsList)
                {
                    if (source.Fill(countSize) < countSize)
                        throw new SplatFormatException(Ply, $"the file ends inside element '{element.Name}' item {item}", source.Position, property: property.Name);
                    var items = ReadScalar(source.Available, property.ListCountType!.Value, bigEndian);
                    if (items < 0)
                        throw new SplatFormatException(Ply, $"negative list length {items} in element '{element.Name}' item {item}", source.Position, property: property.Name);
                    source.Consume(countSize);
                    skip = (long)items * itemSize;
                }
                while (skip > 0)
                {
                    var available = source.Fill((int)Math.Min(skip, BlockBytes));
                    if (available == 0)
                        throw new SplatFormatException(Ply, $"the file ends inside element '{element.Name}' item {item}", source.Position, property: property.Name);
                    var step = (int)Math.Min(skip, available);
                    source.Consume(step);
                    skip -= step;
                }
            }
    }
}
