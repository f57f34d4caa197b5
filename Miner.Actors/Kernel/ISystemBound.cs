namespace Miner.Actors.Kernel;

/// <summary>A ref that knows its actor system (every ref the kernel hands out does).</summary>
internal interface ISystemBound
{
    ActorSystem System { get; }
}
