namespace Miner.Actors.Kernel;

/// <summary>Handle of a scheduled action.</summary>
public interface ICancelable
{
    bool IsCancellationRequested { get; }
    void Cancel();
}
