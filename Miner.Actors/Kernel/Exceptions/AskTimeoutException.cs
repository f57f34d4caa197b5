namespace Miner.Actors.Kernel;

/// <summary>No reply of the expected type arrived within the Ask timeout.</summary>
public sealed class AskTimeoutException(string message) : Exception(message);
