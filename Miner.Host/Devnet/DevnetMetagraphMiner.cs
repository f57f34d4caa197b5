namespace Miner.Host.Devnet;

/// <summary>A miner the devnet's validators recognise, in the metagraph file: its uid and hotkey (SS58).</summary>
public sealed record DevnetMetagraphMiner(int Uid, string Hotkey);
