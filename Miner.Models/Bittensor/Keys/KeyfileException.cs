namespace Miner.Models.Bittensor.Keys;

/// <summary>
/// A keyfile that cannot be read, written or trusted. Messages name the file and the field at
/// fault and never contain secret material.
/// </summary>
public sealed class KeyfileException(string message, Exception? innerException = null) : Exception(message, innerException);
