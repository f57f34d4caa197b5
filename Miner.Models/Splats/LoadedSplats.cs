namespace Miner.Models.Splats;

/// <summary>
/// A cloud loaded by <see cref="SplatFile"/> with what was learnt about its file: the kind, the PLY or SPZ header,
/// and whether the bytes were base64 text (a submission payload or the subnet's *.encoded.ply mocks).
/// </summary>
public sealed record LoadedSplats(GaussianCloud Cloud, SplatFileKind Kind, PlyHeader? PlyHeader, SpzHeader? SpzHeader, bool Base64, long FileBytes);
