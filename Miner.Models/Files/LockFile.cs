using System.Runtime.InteropServices;
using System.Text;
using Tmds.Linux;
using static Tmds.Linux.LibC;

namespace Miner.Models.Files;

/// <summary>
/// An exclusive advisory lock on a file, held while this object lives, with a note written into the file (who holds
/// it). It is an open-file-description lock (fcntl F_OFD_SETLK): the kernel drops it when the file is closed or the
/// process ends, kill -9 included, so no stale lock outlives its holder, and two opens conflict even within one
/// process. .NET's FileShare.None is not used: a reader of the note would conflict with it, and a setting turns it off.
/// </summary>
public sealed class LockFile : IDisposable
{
    /// <summary>Longest note read back; a holder's note is a few lines.</summary>
    private const int NoteLimit = 4096;

    private int _fd;

    private LockFile(string path, int fd)
    {
        Path = path;
        _fd = fd;
    }

    public string Path { get; }

    /// <summary>
    /// Takes the lock on <paramref name="path"/> (created with mode 0600 when missing; its folder must exist) and writes
    /// <paramref name="note"/> into it. Null when another open file holds it; <paramref name="holderNote"/> is then that
    /// holder's note (empty when it has not written one yet).
    /// </summary>
    /// <exception cref="IOException">The file cannot be opened or locked for another reason (the OS's words).</exception>
    public static unsafe LockFile? TryAcquire(string path, string note, out string holderNote)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(note);
        holderNote = "";
        var fd = Open(path, O_RDWR | O_CREAT | O_CLOEXEC);
        if (fd < 0) throw Failure(path, "open", errno);
        var whole = WholeFile(F_WRLCK);
        if (fcntl(fd, F_OFD_SETLK, &whole) != 0)
        {
            var error = errno;
            try
            {
                if (error != EAGAIN && error != EACCES) throw Failure(path, "lock", error);
                holderNote = ReadNote(fd);
                return null;
            }
            finally
            {
                close(fd);
            }
        }
        var bytes = Encoding.UTF8.GetBytes(note);
        long written;
        fixed (byte* data = bytes) written = ftruncate(fd, 0) == 0 ? pwrite(fd, data, bytes.Length, 0) : -1;
        if (written != bytes.Length)
        {
            var error = errno;
            close(fd);
            throw Failure(path, "write the note of", error);
        }
        return new LockFile(path, fd);
    }

    /// <summary>
    /// The note of whoever holds the lock on <paramref name="path"/> now, or null when nobody does. Takes nothing and
    /// creates nothing (fcntl F_OFD_GETLK), so a dry run can ask without getting in a starting miner's way.
    /// </summary>
    /// <exception cref="IOException">The file exists but cannot be opened or asked.</exception>
    public static unsafe string? Holder(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var fd = Open(path, O_RDONLY | O_CLOEXEC);
        if (fd < 0)
        {
            var error = errno;
            if (error == ENOENT) return null;
            throw Failure(path, "open", error);
        }
        try
        {
            var probe = WholeFile(F_RDLCK);
            if (fcntl(fd, F_OFD_GETLK, &probe) != 0) throw Failure(path, "ask about the lock on", errno);
            return probe.l_type == F_UNLCK ? null : ReadNote(fd);
        }
        finally
        {
            close(fd);
        }
    }

    /// <summary>Closes the file, which releases the lock. The file stays: removing it would race with a new holder.</summary>
    public void Dispose()
    {
        var fd = Interlocked.Exchange(ref _fd, -1);
        if (fd >= 0) close(fd);
    }

    private static unsafe int Open(string path, int flags)
    {
        var name = Encoding.UTF8.GetBytes(path + "\0");
        int fd;
        fixed (byte* p = name)
        {
            do fd = open(p, flags, (ushort)0x180); // 0600: the note names the holder, for its owner only
            while (fd < 0 && errno == EINTR);
        }
        return fd;
    }

    private static flock WholeFile(int type) => new() { l_type = (short)type, l_whence = (short)SEEK_SET, l_start = 0, l_len = 0, l_pid = 0 };

    private static unsafe string ReadNote(int fd)
    {
        var buffer = new byte[NoteLimit];
        long read;
        fixed (byte* data = buffer) read = pread(fd, data, buffer.Length, 0);
        return read > 0 ? Encoding.UTF8.GetString(buffer, 0, (int)read) : "";
    }

    private static IOException Failure(string path, string what, int error) =>
        new($"cannot {what} the lock file {path}: {Marshal.GetPInvokeErrorMessage(error)}");
}
