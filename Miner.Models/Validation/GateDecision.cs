namespace Miner.Models.Validation;

/// <summary>What the self-validation gate says to do with a generated cloud.</summary>
public enum GateDecision
{
    /// <summary>Good enough to submit.</summary>
    Submit,

    /// <summary>Likely to fail; generate again with another seed if the task's time allows, else decline.</summary>
    Retry,

    /// <summary>Hopeless; submit an empty result (costs no penalty) rather than risk a 600 s one.</summary>
    Decline,
}
