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
        using var memory = new MemoryStream();
        var chunk = new byte[81920];
        while (true)
        {
            var wanted = (int)Math.Min(chunk.Length, limit + 1 - memory.Length);
            var read = stream.Read(chunk, 0, wanted);
            if (read == 0) break;
            memory.Write(chunk, 0, read);
            if (memory.Length > limit)
                throw new FileRefusedException($"{path}: {what} larger than its limit of {Sizes.Describe(limit)}");
        }
        return memory.ToArray();
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
