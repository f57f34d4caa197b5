using System.Collections.Concurrent;

namespace Miner.Models.Files;

/// <summary>
/// Every file the miner writes goes through here: into a temporary file in the target's folder, flushed to disk,
/// then renamed over the target, so a reader (or a crash) never sees half a file and a failure leaves the old
/// file as it was. A failure removes the temporary; temporaries still open when the process is asked to stop are
/// removed by <see cref="RemoveOpenTemporaries"/>.
/// </summary>
public static class OutputFile
{
    private static readonly ConcurrentDictionary<string, byte> Open = new(StringComparer.Ordinal);

    /// <summary>
    /// Writes <paramref name="path"/> through <paramref name="write"/>; refuses a folder or a special file as the
    /// target. <paramref name="verify"/>, when given, reads the finished temporary back before it replaces the target.
    /// </summary>
    public static void Write(string path, Action<Stream> write, Action<string>? verify = null)
    {
        var target = RequireWritableTarget(path);
        var temporary = TemporaryFor(target);
        Open[temporary] = 0;
        try
        {
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16))
            {
                write(stream);
                stream.Flush(flushToDisk: true);
            }
            verify?.Invoke(temporary);
            File.Move(temporary, target, overwrite: true);
        }
        catch (UnauthorizedAccessException)
        {
            throw new FileRefusedException($"{path}: permission denied");
        }
        catch (DirectoryNotFoundException)
        {
            throw new FileRefusedException($"{path}: the folder does not exist");
        }
        finally
        {
            File.Delete(temporary);
            Open.TryRemove(temporary, out _);
        }
    }

    public static void WriteAllBytes(string path, ReadOnlySpan<byte> bytes)
    {
        var copy = bytes.ToArray();
        Write(path, stream => stream.Write(copy));
    }

    public static void WriteAllText(string path, string text) =>
        WriteAllBytes(path, new System.Text.UTF8Encoding(false).GetBytes(text));

    /// <summary>Refuses to write <paramref name="output"/> when it is one of <paramref name="inputs"/> (same inode, links followed).</summary>
    public static void RefuseOverwritingInput(string output, params string[] inputs)
    {
        var target = FileStatus.Of(output);
        if (!target.Exists) return;
        foreach (var input in inputs)
        {
            var source = FileStatus.Of(input);
            if (source.Exists && source.Identity == target.Identity)
                throw new FileRefusedException($"{output}: is the input file {input}; write the output to another path");
        }
    }

    /// <summary>
    /// The absolute target path; refused when it names a folder (or ends in '/'), a special file, or lies in a
    /// folder that does not exist. A symbolic link to a regular file is replaced by the new file, not followed.
    /// </summary>
    public static string RequireWritableTarget(string path)
    {
        if (string.IsNullOrWhiteSpace(path)) throw new FileRefusedException("the output path is empty");
        if (path.EndsWith('/')) throw new FileRefusedException($"{path}: names a folder; give a file path");
        var full = Path.GetFullPath(path);
        var status = FileStatus.Of(full);
        if (status.Kind == FileKind.Directory) throw new FileRefusedException($"{path}: is a folder; give a file path");
        if (status.Exists && status.Kind != FileKind.Regular) throw new FileRefusedException($"{path}: is {status.Describe()}, not a regular file");
        var folder = Path.GetDirectoryName(full)!;
        var parent = FileStatus.Of(folder);
        if (parent.Kind == FileKind.Missing) throw new FileRefusedException($"{path}: the folder {folder} does not exist");
        if (parent.Kind != FileKind.Directory) throw new FileRefusedException($"{path}: {folder} is not a folder");
        return full;
    }

    /// <summary>
    /// Removes the temporaries of writes still under way (called when the process is stopped by a signal);
    /// <paramref name="folder"/> limits it to one folder.
    /// </summary>
    public static void RemoveOpenTemporaries(string? folder = null)
    {
        foreach (var temporary in Open.Keys)
        {
            if (folder is not null && Path.GetDirectoryName(temporary) != Path.GetFullPath(folder)) continue;
            try { File.Delete(temporary); }
            catch (IOException) { }
            catch (UnauthorizedAccessException) { }
        }
    }

    /// <summary>A hidden sibling, so a glob for the target's extension never picks it up.</summary>
    private static string TemporaryFor(string target) =>
        Path.Combine(Path.GetDirectoryName(target)!, $".{Path.GetFileName(target)}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp");
}
