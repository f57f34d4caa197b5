namespace Miner.Models.Splats;

/// <summary>A decoded SPZ file: the cloud, its payload header and the container it came in.</summary>
public sealed record SpzDecoded(GaussianCloud Cloud, SpzHeader Header, SpzContainer Container, long PayloadBytes);
