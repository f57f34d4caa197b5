namespace Miner.Models.Generation;

/// <summary>The answer to <c>GET /health</c>: healthy on any 2xx, with what went wrong otherwise and how long it took.</summary>
public sealed record BackendHealth(bool Healthy, string Detail, TimeSpan Latency);
