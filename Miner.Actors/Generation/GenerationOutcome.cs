namespace Miner.Actors.Generation;

public enum GenerationOutcome
{
    /// <summary>A cloud passed the self-validation gate and should be submitted.</summary>
    Generated,

    /// <summary>No submittable cloud (no text backend, gate said decline, retries or time exhausted): submit empty.</summary>
    Declined,
}
