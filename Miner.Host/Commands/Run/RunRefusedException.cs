namespace Miner.Host.Commands.Run;

/// <summary>
/// `miner run` cannot start: one line for the operator naming the file or setting at fault and what to do. Printed
/// as it is (no stack trace); the command exits 1.
/// </summary>
public sealed class RunRefusedException(string message, Exception? innerException = null) : Exception(message, innerException);
