using System.Text;
using Tmds.Linux;
using static Tmds.Linux.LibC;

namespace Miner.Models.Files;

/// <summary>
/// The kind and identity of a path through statx(2), following symbolic links. .NET tells neither a FIFO or a
/// device from a regular file nor two paths to one inode apart, and opening a FIFO blocks until a writer comes.
/// </summary>
public readonly record struct FileStatus(FileKind Kind, FileIdentity Identity, long Length)
{
    public static unsafe FileStatus Of(string path)
    {
        var bytes = Encoding.UTF8.GetBytes(path + "\0");
        statx buffer;
        int result;
        fixed (byte* name = bytes) result = statx(AT_FDCWD, name, 0, STATX_TYPE | STATX_INO | STATX_SIZE, &buffer);
        if (result != 0) return new FileStatus(FileKind.Missing, default, 0);
        var identity = new FileIdentity(buffer.stx_dev_major, buffer.stx_dev_minor, buffer.stx_ino);
        return new FileStatus(KindOf((int)buffer.stx_mode & (int)S_IFMT), identity, (long)buffer.stx_size);
    }

    public bool Exists => Kind != FileKind.Missing;

    /// <summary>How a message names the kind: "a FIFO", "a character device".</summary>
    public string Describe() => Kind switch
    {
        FileKind.Regular => "a regular file",
        FileKind.Directory => "a folder",
        FileKind.CharacterDevice => "a character device",
        FileKind.BlockDevice => "a block device",
        FileKind.Fifo => "a FIFO",
        FileKind.Socket => "a socket",
        FileKind.Missing => "missing",
        _ => "not a regular file",
    };

    private static FileKind KindOf(int type) =>
        type == (int)S_IFREG ? FileKind.Regular
        : type == (int)S_IFDIR ? FileKind.Directory
        : type == (int)S_IFCHR ? FileKind.CharacterDevice
        : type == (int)S_IFBLK ? FileKind.BlockDevice
        : type == (int)S_IFIFO ? FileKind.Fifo
        : type == (int)S_IFSOCK ? FileKind.Socket
        : FileKind.Other;
}
