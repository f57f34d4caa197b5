namespace Miner.Models.Bittensor.Wire;

/// <summary>What became of a dendrite call; everything but <see cref="Ok"/> is a failure.</summary>
public enum DendriteStatus
{
    /// <summary>HTTP 200 with a synapse body that parsed.</summary>
    Ok,

    /// <summary>400: the axon could not build a synapse from the headers.</summary>
    BadRequest,

    /// <summary>401: signature or nonce refused.</summary>
    Unverified,

    /// <summary>403: the validator's blacklist refused the caller.</summary>
    Blacklisted,

    /// <summary>404: the axon does not serve this synapse.</summary>
    NotFound,

    /// <summary>No answer within the call's timeout (or the axon's 408).</summary>
    Timeout,

    /// <summary>413: the request body was larger than the axon accepts.</summary>
    PayloadTooLarge,

    /// <summary>422: the axon could not parse the request body as JSON.</summary>
    Unprocessable,

    /// <summary>5xx: the validator failed while handling the call; the message says how.</summary>
    ServerError,

    /// <summary>No connection, or it dropped before a full response arrived.</summary>
    Unavailable,

    /// <summary>A 200 whose body is too large or not the synapse's JSON.</summary>
    InvalidResponse,

    /// <summary>Any other HTTP status (redirects are never followed).</summary>
    UnexpectedStatus,

    /// <summary>Not sent: the address policy refuses the target's address.</summary>
    AddressRefused,
}
