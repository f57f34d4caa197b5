namespace Miner.Models.Splats;

public enum PlyFormat
{
    Ascii,
    BinaryLittleEndian,
    BinaryBigEndian,
}
