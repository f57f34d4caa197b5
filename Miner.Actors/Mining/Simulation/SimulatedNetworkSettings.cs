namespace Miner.Actors.Mining.Simulation;

/// <summary>Latencies, failure rate and result quality of a simulated validator network (scheduler-baseline.md's values).</summary>
public sealed record SimulatedNetworkSettings
{
    public TimeSpan PullLatency { get; init; } = TimeSpan.FromSeconds(0.4);
    public TimeSpan UploadLatency { get; init; } = TimeSpan.FromSeconds(1.5);

    /// <summary>The validator scores inside the submit call, so the answer comes this much after the upload.</summary>
    public TimeSpan ValidationTime { get; init; } = TimeSpan.FromSeconds(6);

    /// <summary>Share of calls that get no answer.</summary>
    public double TransportFailureRate { get; init; } = 0.02;

    /// <summary>Share of failed submissions that reached the validator and lost only the reply.</summary>
    public double LostReplyShare { get; init; } = 0.5;

    /// <summary>Share of non-empty results scoring over the threshold (0.8); the rest score 0.3 and are penalised.</summary>
    public double AcceptRate { get; init; } = 1.0;
}
