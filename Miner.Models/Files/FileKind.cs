namespace Miner.Models.Files;

/// <summary>What a path names once symbolic links are followed.</summary>
public enum FileKind
{
    Missing,
    Regular,
    Directory,
    CharacterDevice,
    BlockDevice,
    Fifo,
    Socket,
    Other,
}
