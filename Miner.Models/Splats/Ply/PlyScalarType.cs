namespace Miner.Models.Splats;

/// <summary>PLY scalar types; both the classic names (char, uchar, short ...) and the sized ones (int8, float32 ...) map here.</summary>
public enum PlyScalarType
{
    Int8,
    UInt8,
    Int16,
    UInt16,
    Int32,
    UInt32,
    Int64,
    UInt64,
    Float32,
    Float64,
}
