namespace Miner.Specs.TestKit;

/// <summary>A neuron <see cref="FakeSubnet"/> serves: its hotkey (32-byte public key), axon address and total stake.</summary>
public sealed record FakeNeuron(byte[] Hotkey, UInt128 Ip, ushort Port, ulong TotalStakeRao);
