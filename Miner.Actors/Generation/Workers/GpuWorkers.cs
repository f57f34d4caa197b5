namespace Miner.Actors.Generation;

/// <summary>
/// The worker processes a card starts itself (one <see cref="BackendProcessActor"/> each, CUDA_VISIBLE_DEVICES =
/// <see cref="Device"/>) and the client their health checks use. The card asks for no work until every one is healthy.
/// </summary>
public sealed record GpuWorkers(int Device, IReadOnlyList<GpuWorker> Processes, HttpClient Http);
