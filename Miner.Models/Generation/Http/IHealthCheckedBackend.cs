namespace Miner.Models.Generation;

/// <summary>A backend behind a service that answers <c>GET /health</c>; the stage actors poll it before and between tasks.</summary>
public interface IHealthCheckedBackend
{
    Task<BackendHealth> CheckHealthAsync(CancellationToken cancellation);
}
