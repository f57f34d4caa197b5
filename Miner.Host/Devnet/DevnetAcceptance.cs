namespace Miner.Host.Devnet;

/// <summary>How a devnet validator judges submissions.</summary>
public enum DevnetAcceptance
{
    /// <summary>Scores with the devnet's proxy scorer.</summary>
    Normal,

    /// <summary>Every submission scores 0 (penalty path), like a validator whose scoring never accepts the miner.</summary>
    ScoreZero,

    /// <summary>The validation service never answers: every submission fails without penalty, <c>validation_failed</c> set.</summary>
    FailValidation,
}
