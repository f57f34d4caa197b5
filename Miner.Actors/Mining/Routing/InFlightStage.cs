namespace Miner.Actors.Mining.Routing;

public enum InFlightStage
{
    /// <summary>Pulled, waiting for a GPU that asks for work.</summary>
    Waiting,

    /// <summary>Handed to a GPU.</summary>
    Generating,

    /// <summary>With the Submitter.</summary>
    Submitting,
}
