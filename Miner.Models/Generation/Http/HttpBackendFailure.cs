namespace Miner.Models.Generation;

/// <summary>Why a call to an HTTP backend failed; the stage actors retry the transient kinds and decline on the rest.</summary>
public enum HttpBackendFailure
{
    /// <summary>No connection (refused, reset before an answer, DNS).</summary>
    Unreachable,

    /// <summary>No complete answer within the configured timeout.</summary>
    Timeout,

    /// <summary>An answer with a non-2xx status.</summary>
    Status,

    /// <summary>An answer whose content type is not what the contract says.</summary>
    ContentType,

    /// <summary>A body larger than the configured cap.</summary>
    TooLarge,

    /// <summary>The connection closed before the body was complete.</summary>
    Truncated,

    /// <summary>A complete body that does not decode (bad PNG, bad PLY).</summary>
    Corrupt,
}
