namespace Miner.Host.Commands.Generation;

/// <summary>The three files written for one result.</summary>
public sealed record ResultPaths(string Ply, string Spz, string Grid);
