namespace Miner.Actors.Kernel;

public enum BackoffMode
{
    /// <summary>Recreate the child whenever it stops, for any reason.</summary>
    OnStop,
    /// <summary>Recreate the child only after it failed; a child that stops by itself stops the supervisor too.</summary>
    OnFailure,
}
