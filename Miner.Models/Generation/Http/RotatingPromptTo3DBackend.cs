using Miner.Models.Splats;

namespace Miner.Models.Generation;

/// <summary>
/// Several generation endpoints serving one GPU, used in turn (the seed guide's "several endpoints per GPU"):
/// each call starts at the next endpoint, and a transient failure (unreachable, timeout, truncated, 5xx) moves
/// on to the following one until each has been tried once. A non-transient failure (4xx, corrupt output, wrong
/// content type) is the answer and is thrown at once: another endpoint of the same service would not do better.
/// </summary>
public sealed class RotatingPromptTo3DBackend : IPromptTo3DBackend
{
    private readonly IPromptTo3DBackend[] _endpoints;
    private int _next = -1;

    public RotatingPromptTo3DBackend(IReadOnlyList<IPromptTo3DBackend> endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        if (endpoints.Count == 0) throw new ArgumentException("at least one endpoint is needed", nameof(endpoints));
        _endpoints = [.. endpoints];
        Name = $"{_endpoints.Length} endpoints in turn: {string.Join(", ", _endpoints.Select(e => e.Name))}";
    }

    public string Name { get; }

    public async Task<ActivatedSplats> GenerateAsync(string prompt, CancellationToken cancellation)
    {
        var start = (int)((uint)Interlocked.Increment(ref _next) % (uint)_endpoints.Length);
        var failures = new List<HttpBackendException>();
        for (var k = 0; k < _endpoints.Length; k++)
        {
            cancellation.ThrowIfCancellationRequested();
            try
            {
                return await _endpoints[(start + k) % _endpoints.Length].GenerateAsync(prompt, cancellation).ConfigureAwait(false);
            }
            catch (HttpBackendException failure) when (failure.IsTransient)
            {
                failures.Add(failure);
            }
        }
        // One exception of the usual type, so callers handle a rotation like a single endpoint; the last kind decides.
        var last = failures[^1];
        throw new HttpBackendException(Name, last.Endpoint, last.Failure,
            $"every one of the {_endpoints.Length} endpoints failed: " + string.Join("; ", failures.Select(f => f.Message)),
            new AggregateException(failures), last.StatusCode);
    }
}
