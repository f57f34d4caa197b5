namespace Miner.Models.Files;

/// <summary>
/// Reads inputs with the limit enforced while reading, never from the size stat reports: only regular files are
/// opened (a FIFO would block, a device never ends), and a file that grows past the limit is cut off and refused.
/// </summary>
public static class InputFile
{
    /// <summary>Opens a regular file for reading; throws <see cref="FileRefusedException"/> naming the path otherwise.</summary>
    public static FileStream OpenRead(string path, int bufferSize = 4096, FileOptions options = FileOptions.None)
    {
        RequireRegular(path);
        try
        {
            return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize, options);
        }
        catch (UnauthorizedAccessException)
        {
            throw new FileRefusedException($"{path}: permission denied");
        }
    }

    /// <summary>The whole file, refused with a one-line message when it holds more than <paramref name="limit"/> bytes.</summary>
    public static byte[] ReadAllBytes(string path, long limit, string what = "file")
    {
        using var stream = OpenRead(path, 1);
        return ReadAtMost(stream, limit, path, what);
    }

    /// <summary>The rest of <paramref name="stream"/>, growing the buffer only as bytes actually arrive.</summary>
    public static byte[] ReadAtMost(Stream stream, long limit, string path, string what = "file")
    {
        var cap = Math.Min(limit, Array.MaxLength);
        // A seekable stream's length only sizes the first buffer (a regular file is then read without copies);
        // the limit is enforced on the bytes that actually arrive.
        var hint = stream.CanSeek ? Math.Clamp(stream.Length - stream.Position, 0, cap) : 0;
        var buffer = GC.AllocateUninitializedArray<byte>((int)hint);
        var count = 0;
        Span<byte> probe = stackalloc byte[1];
        while (true)
        {
            if (count == buffer.Length)
            {
                if (stream.Read(probe) == 0) break;
                if (count >= cap)
                    throw new FileRefusedException($"{path}: {what} larger than its limit of {Sizes.Describe(limit)}", tooLarge: true);
                var next = GC.AllocateUninitializedArray<byte>((int)Math.Min(cap, Math.Max(81_920, 2L * count)));
                buffer.AsSpan(0, count).CopyTo(next);
                next[count++] = probe[0];
                buffer = next;
                continue;
            }
            var read = stream.Read(buffer, count, buffer.Length - count);
            if (read == 0) break;
            count += read;
        }
        return count == buffer.Length ? buffer : buffer[..count];
    }

    /// <summary>UTF-8 text of at most <paramref name="limit"/> bytes.</summary>
    public static string ReadAllText(string path, long limit, string what = "file") =>
        new System.Text.UTF8Encoding(false).GetString(ReadAllBytes(path, limit, what));

    /// <summary>Throws <see cref="FileRefusedException"/> unless <paramref name="path"/> is a regular file.</summary>
    public static FileStatus RequireRegular(string path)
    {
        var status = FileStatus.Of(path);
        if (status.Kind == FileKind.Missing) throw new FileRefusedException($"{path}: no such file");
        if (status.Kind != FileKind.Regular) throw new FileRefusedException($"{path}: is {status.Describe()}, not a regular file");
        return status;
    }
}
