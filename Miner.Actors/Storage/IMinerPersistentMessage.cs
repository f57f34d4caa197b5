namespace Miner.Actors.Storage;

/// <summary>
/// Marks an event or snapshot the miner journals. On Akka.NET, <c>akka.actor.serialization-bindings</c> binds this
/// interface to <c>MinerJsonSerializer</c> (System.Text.Json with the manifests of the actors' tables), so no
/// Newtonsoft payload with CLR type names is ever stored.
/// </summary>
public interface IMinerPersistentMessage;
