namespace Miner.Actors.Generation;

/// <summary>A GenerationActor tells the router its card went unhealthy (asks for no work) or recovered.</summary>
public sealed record GpuHealthChanged(string Gpu, bool Healthy, string Reason);
