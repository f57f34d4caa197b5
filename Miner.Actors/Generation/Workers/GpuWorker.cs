namespace Miner.Actors.Generation;

/// <summary>One worker process of a card: which backend it serves (<c>image-to-3d</c>, ...) and how to run it.</summary>
public sealed record GpuWorker(string Backend, BackendProcessOptions Options);
