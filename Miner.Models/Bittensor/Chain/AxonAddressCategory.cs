namespace Miner.Models.Bittensor.Chain;

/// <summary>What kind of address an axon advertises; everything but <see cref="Public"/> needs a reason to dial.</summary>
public enum AxonAddressCategory
{
    Public,
    /// <summary>0.0.0.0 or ::, the chain's "not serving".</summary>
    Unspecified,
    /// <summary>127.0.0.0/8, ::1.</summary>
    Loopback,
    /// <summary>RFC 1918 (10/8, 172.16/12, 192.168/16), carrier-grade NAT 100.64/10, IPv6 unique-local fc00::/7 and site-local fec0::/10.</summary>
    Private,
    /// <summary>169.254/16, fe80::/10.</summary>
    LinkLocal,
    /// <summary>224/4, ff00::/8.</summary>
    Multicast,
    /// <summary>255.255.255.255.</summary>
    Broadcast,
    /// <summary>0/8 ("this network") and 240/4 (reserved for future use).</summary>
    Reserved,
}
