using System.Buffers.Binary;
using System.Net;

namespace Miner.Models.Bittensor.Chain;

/// <summary>Where a neuron serves (subtensor <c>AxonInfo</c>: fixed-width little-endian integers, 34 bytes).</summary>
public sealed record AxonInfo(
    ulong Block, uint Version, UInt128 Ip, ushort Port, byte IpType, byte Protocol, byte Placeholder1, byte Placeholder2)
{
    public const int EncodedLength = 34;

    /// <summary>bittensor's rule: serving iff the address is not 0.0.0.0; port, type and block are not checked.</summary>
    public bool IsServing => Ip != UInt128.Zero;

    /// <summary>The address as bittensor reads it: the magnitude picks the family, <see cref="IpType"/> is ignored.</summary>
    public IPAddress Address => ToAddress(Ip);

    /// <summary>False when <see cref="IpType"/> disagrees with the family the magnitude implies (worth a log line).</summary>
    public bool IpTypeMatchesAddress => IpType == (Ip <= uint.MaxValue ? 4 : 6);

    /// <summary>Values up to 0xFFFFFFFF are IPv4 (not IPv4-mapped); larger values are the IPv6 address as a number.</summary>
    public static IPAddress ToAddress(UInt128 ip)
    {
        Span<byte> bytes = stackalloc byte[16];
        if (ip <= uint.MaxValue)
        {
            BinaryPrimitives.WriteUInt32BigEndian(bytes, (uint)ip);
            return new IPAddress(bytes[..4]);
        }
        BinaryPrimitives.WriteUInt128BigEndian(bytes, ip);
        return new IPAddress(bytes);
    }

    public static AxonInfo Read(ref ScaleReader reader)
    {
        reader.Enter("axon_info");
        var axon = new AxonInfo(
            reader.ReadU64("block"),
            reader.ReadU32("version"),
            reader.ReadU128("ip"),
            reader.ReadU16("port"),
            reader.ReadU8("ip_type"),
            reader.ReadU8("protocol"),
            reader.ReadU8("placeholder1"),
            reader.ReadU8("placeholder2"));
        reader.Leave();
        return axon;
    }
}
