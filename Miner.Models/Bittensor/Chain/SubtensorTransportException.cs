namespace Miner.Models.Bittensor.Chain;

/// <summary>
/// The WebSocket to the node failed: could not connect, dropped, sent something unreadable or too large.
/// <see cref="Retryable"/> says whether repeating the request on a new connection can help.
/// </summary>
public sealed class SubtensorTransportException : Exception
{
    public SubtensorTransportException(string message, bool retryable, Exception? inner = null)
        : base(message, inner)
    {
        Retryable = retryable;
    }

    public bool Retryable { get; }
}
