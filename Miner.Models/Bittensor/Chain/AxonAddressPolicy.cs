using System.Net;
using System.Net.Sockets;

namespace Miner.Models.Bittensor.Chain;

/// <summary>
/// Decides which axon addresses read from the chain a miner may connect to. Anyone can advertise any address
/// on chain, so by default only public unicast addresses pass: dialling a loopback or private address would let
/// a registered neuron aim the miner at services on its own host or network. Loopback, private and link-local
/// can be allowed by setting (the devnet allows loopback); multicast, broadcast, unspecified and reserved
/// addresses are never unicast endpoints and are always refused.
/// </summary>
public sealed class AxonAddressPolicy
{
    public AxonAddressPolicy(bool allowLoopback = false, bool allowPrivate = false, bool allowLinkLocal = false)
    {
        AllowLoopback = allowLoopback;
        AllowPrivate = allowPrivate;
        AllowLinkLocal = allowLinkLocal;
    }

    public static AxonAddressPolicy PublicOnly { get; } = new();

    public bool AllowLoopback { get; }

    public bool AllowPrivate { get; }

    public bool AllowLinkLocal { get; }

    public AxonAddressVerdict Evaluate(AxonInfo axon)
    {
        ArgumentNullException.ThrowIfNull(axon);
        if (!axon.IsServing) return new(false, AxonAddressCategory.Unspecified, "axon is not serving (ip 0)");
        var verdict = Evaluate(axon.Address);
        if (verdict.Allowed && axon.Port == 0) return verdict with { Allowed = false, Reason = "axon port is 0" };
        return verdict;
    }

    public AxonAddressVerdict Evaluate(IPAddress address)
    {
        var category = Classify(address);
        var allowed = category switch
        {
            AxonAddressCategory.Public => true,
            AxonAddressCategory.Loopback => AllowLoopback,
            AxonAddressCategory.Private => AllowPrivate,
            AxonAddressCategory.LinkLocal => AllowLinkLocal,
            _ => false,
        };
        var reason = allowed ? "allowed" : $"{address} is a {Describe(category)} address";
        return new AxonAddressVerdict(allowed, category, reason);
    }

    public static AxonAddressCategory Classify(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (address.IsIPv4MappedToIPv6) address = address.MapToIPv4();
        Span<byte> bytes = stackalloc byte[16];
        address.TryWriteBytes(bytes, out var written);
        return address.AddressFamily == AddressFamily.InterNetwork ? ClassifyV4(bytes[..written]) : ClassifyV6(bytes[..written]);
    }

    private static AxonAddressCategory ClassifyV4(ReadOnlySpan<byte> b)
    {
        if (b.SequenceEqual((ReadOnlySpan<byte>)[0, 0, 0, 0])) return AxonAddressCategory.Unspecified;
        if (b.SequenceEqual((ReadOnlySpan<byte>)[255, 255, 255, 255])) return AxonAddressCategory.Broadcast;
        return b[0] switch
        {
            0 => AxonAddressCategory.Reserved,
            127 => AxonAddressCategory.Loopback,
            10 => AxonAddressCategory.Private,
            172 when (b[1] & 0xF0) == 16 => AxonAddressCategory.Private,
            192 when b[1] == 168 => AxonAddressCategory.Private,
            100 when (b[1] & 0xC0) == 64 => AxonAddressCategory.Private,
            169 when b[1] == 254 => AxonAddressCategory.LinkLocal,
            >= 224 and < 240 => AxonAddressCategory.Multicast,
            >= 240 => AxonAddressCategory.Reserved,
            _ => AxonAddressCategory.Public,
        };
    }

    private static AxonAddressCategory ClassifyV6(ReadOnlySpan<byte> b)
    {
        if (!b[..12].ContainsAnyExcept((byte)0))
        {
            // ::/96 holds ::, ::1 and the deprecated IPv4-compatible block; none is a public endpoint.
            if (!b[12..15].ContainsAnyExcept((byte)0) && b[15] <= 1)
                return b[15] == 0 ? AxonAddressCategory.Unspecified : AxonAddressCategory.Loopback;
            return AxonAddressCategory.Reserved;
        }
        if (b[0] == 0xFF) return AxonAddressCategory.Multicast;
        if (b[0] == 0xFE && (b[1] & 0xC0) == 0x80) return AxonAddressCategory.LinkLocal;
        if (b[0] == 0xFE && (b[1] & 0xC0) == 0xC0) return AxonAddressCategory.Private;
        if ((b[0] & 0xFE) == 0xFC) return AxonAddressCategory.Private;
        return AxonAddressCategory.Public;
    }

    /// <summary>How messages name a category: loopback, private, link-local, ...</summary>
    public static string Describe(AxonAddressCategory category) => category switch
    {
        AxonAddressCategory.LinkLocal => "link-local",
        _ => category.ToString().ToLowerInvariant(),
    };
}
