namespace Miner.Models.Bittensor.Chain;

/// <summary>A neuron's metrics endpoint (subtensor <c>PrometheusInfo</c>, 31 bytes). Decoded only to stay in step.</summary>
public sealed record PrometheusInfo(ulong Block, uint Version, UInt128 Ip, ushort Port, byte IpType)
{
    public const int EncodedLength = 31;

    public static PrometheusInfo Read(ref ScaleReader reader)
    {
        reader.Enter("prometheus_info");
        var info = new PrometheusInfo(
            reader.ReadU64("block"),
            reader.ReadU32("version"),
            reader.ReadU128("ip"),
            reader.ReadU16("port"),
            reader.ReadU8("ip_type"));
        reader.Leave();
        return info;
    }
}
