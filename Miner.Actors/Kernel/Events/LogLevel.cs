namespace Miner.Actors.Kernel;

public enum LogLevel
{
    Debug,
    Information,
    Warning,
    Error,
}
