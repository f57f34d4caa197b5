namespace Miner.Models.Generation;

/// <summary>A backend call that failed, with the endpoint, the kind of failure and a message fit for the log.</summary>
public sealed class HttpBackendException(string backend, Uri endpoint, HttpBackendFailure failure, string problem, Exception? inner = null, int? statusCode = null)
    : Exception($"{backend}: {endpoint}: {problem}", inner)
{
    public string Backend { get; } = backend;

    public Uri Endpoint { get; } = endpoint;

    public HttpBackendFailure Failure { get; } = failure;

    public string Problem { get; } = problem;

    /// <summary>The HTTP status of a <see cref="HttpBackendFailure.Status"/> failure.</summary>
    public int? StatusCode { get; } = statusCode;

    /// <summary>Worth trying again (on this or another endpoint): the service may be busy, restarting or overloaded (5xx, 408, 429).</summary>
    public bool IsTransient => Failure is HttpBackendFailure.Unreachable or HttpBackendFailure.Timeout or HttpBackendFailure.Truncated
        || (Failure == HttpBackendFailure.Status && (StatusCode >= 500 || StatusCode is 408 or 429));
}
