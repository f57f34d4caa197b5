namespace Miner.Actors.Storage;

/// <summary>An event or snapshot could not be turned into JSON, or back (unknown manifest, malformed payload).</summary>
public sealed class EventSerializationException(string message, Exception? inner = null) : Exception(message, inner);
