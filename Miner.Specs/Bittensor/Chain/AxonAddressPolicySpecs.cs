using System.Net;
using Miner.Models.Bittensor.Chain;

namespace Miner.Specs.Bittensor.Chain;

public sealed class AxonAddressPolicySpecs
{
    [Theory]
    [InlineData("192.222.59.109", AxonAddressCategory.Public)]
    [InlineData("8.8.8.8", AxonAddressCategory.Public)]
    [InlineData("172.32.0.1", AxonAddressCategory.Public)]
    [InlineData("100.128.0.1", AxonAddressCategory.Public)]
    [InlineData("0.0.0.0", AxonAddressCategory.Unspecified)]
    [InlineData("0.1.2.3", AxonAddressCategory.Reserved)]
    [InlineData("127.0.0.1", AxonAddressCategory.Loopback)]
    [InlineData("127.255.1.2", AxonAddressCategory.Loopback)]
    [InlineData("10.1.2.3", AxonAddressCategory.Private)]
    [InlineData("172.16.0.1", AxonAddressCategory.Private)]
    [InlineData("172.31.255.255", AxonAddressCategory.Private)]
    [InlineData("192.168.1.1", AxonAddressCategory.Private)]
    [InlineData("100.64.0.1", AxonAddressCategory.Private)]
    [InlineData("100.127.255.254", AxonAddressCategory.Private)]
    [InlineData("169.254.169.254", AxonAddressCategory.LinkLocal)]
    [InlineData("224.0.0.1", AxonAddressCategory.Multicast)]
    [InlineData("239.255.255.250", AxonAddressCategory.Multicast)]
    [InlineData("240.0.0.1", AxonAddressCategory.Reserved)]
    [InlineData("255.255.255.255", AxonAddressCategory.Broadcast)]
    [InlineData("2606:4700::1111", AxonAddressCategory.Public)]
    [InlineData("::", AxonAddressCategory.Unspecified)]
    [InlineData("::1", AxonAddressCategory.Loopback)]
    [InlineData("::1.2.3.4", AxonAddressCategory.Reserved)]
    [InlineData("::ffff:10.0.0.1", AxonAddressCategory.Private)]
    [InlineData("::ffff:127.0.0.1", AxonAddressCategory.Loopback)]
    [InlineData("fd12:3456::1", AxonAddressCategory.Private)]
    [InlineData("fec0::1", AxonAddressCategory.Private)]
    [InlineData("fe80::1", AxonAddressCategory.LinkLocal)]
    [InlineData("ff02::1", AxonAddressCategory.Multicast)]
    public void Addresses_are_classified_by_range(string address, AxonAddressCategory expected)
    {
        Assert.Equal(expected, AxonAddressPolicy.Classify(IPAddress.Parse(address)));
    }

    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("10.0.0.5")]
    [InlineData("100.64.0.1")]
    [InlineData("fd00::1")]
    [InlineData("169.254.1.1")]
    [InlineData("224.0.0.1")]
    [InlineData("255.255.255.255")]
    [InlineData("0.0.0.0")]
    public void The_default_policy_refuses_non_public_addresses_and_says_why(string address)
    {
        var verdict = AxonAddressPolicy.PublicOnly.Evaluate(IPAddress.Parse(address));

        Assert.False(verdict.Allowed);
        Assert.Contains(address, verdict.Reason);
    }

    [Fact]
    public void The_default_policy_allows_a_public_address()
    {
        Assert.True(AxonAddressPolicy.PublicOnly.Evaluate(IPAddress.Parse("192.150.253.122")).Allowed);
    }

    [Fact]
    public void Allowing_loopback_does_not_allow_private_addresses()
    {
        var devnet = new AxonAddressPolicy(allowLoopback: true);

        Assert.True(devnet.Evaluate(IPAddress.Loopback).Allowed);
        Assert.True(devnet.Evaluate(IPAddress.IPv6Loopback).Allowed);
        Assert.False(devnet.Evaluate(IPAddress.Parse("192.168.0.2")).Allowed);
    }

    [Fact]
    public void Allowing_private_addresses_covers_rfc1918_cgnat_and_unique_local()
    {
        var lan = new AxonAddressPolicy(allowPrivate: true);

        Assert.All(new[] { "10.0.0.1", "172.20.0.1", "192.168.0.1", "100.100.0.1", "fd00::1" },
            a => Assert.True(lan.Evaluate(IPAddress.Parse(a)).Allowed));
        Assert.False(lan.Evaluate(IPAddress.Parse("169.254.0.1")).Allowed);
    }

    [Fact]
    public void Allowing_link_local_is_a_separate_setting()
    {
        Assert.True(new AxonAddressPolicy(allowLinkLocal: true).Evaluate(IPAddress.Parse("fe80::1")).Allowed);
    }

    [Fact]
    public void Multicast_broadcast_and_unspecified_stay_refused_whatever_is_allowed()
    {
        var everything = new AxonAddressPolicy(allowLoopback: true, allowPrivate: true, allowLinkLocal: true);

        Assert.All(new[] { "224.0.0.1", "ff02::1", "255.255.255.255", "0.0.0.0", "::", "240.0.0.1" },
            a => Assert.False(everything.Evaluate(IPAddress.Parse(a)).Allowed));
    }

    [Fact]
    public void An_axon_that_is_not_serving_is_refused()
    {
        var verdict = AxonAddressPolicy.PublicOnly.Evaluate(new AxonInfo(0, 0, 0, 8091, 0, 4, 0, 0));

        Assert.False(verdict.Allowed);
        Assert.Contains("not serving", verdict.Reason);
    }

    [Fact]
    public void An_axon_on_port_zero_is_refused()
    {
        var verdict = AxonAddressPolicy.PublicOnly.Evaluate(new AxonInfo(1, 1, 0x08080808, 0, 4, 4, 0, 0));

        Assert.False(verdict.Allowed);
        Assert.Contains("port", verdict.Reason);
    }

    [Fact]
    public void An_axon_ip_above_32_bits_is_read_as_ipv6()
    {
        var ip = UInt128.Parse("42540766411282592856903984951653826561"); // 2001:db8::1
        var axon = new AxonInfo(1, 1, ip, 8091, 6, 4, 0, 0);

        Assert.Equal(IPAddress.Parse("2001:db8::1"), axon.Address);
        Assert.True(axon.IpTypeMatchesAddress);
    }

    [Fact]
    public void An_ip_type_that_disagrees_with_the_address_is_flagged()
    {
        Assert.False(new AxonInfo(1, 1, 0x08080808, 8091, 6, 4, 0, 0).IpTypeMatchesAddress);
    }
}
