using Miner.Models.Bittensor.Chain;

namespace Miner.Specs.Bittensor.Chain;

public sealed class SubtensorEndpointSpecs
{
    [Theory]
    [InlineData("finney", "wss://entrypoint-finney.opentensor.ai:443")]
    [InlineData("test", "wss://test.finney.opentensor.ai:443")]
    [InlineData("local", "ws://127.0.0.1:9944")]
    [InlineData("archive", "wss://archive.chain.opentensor.ai:443")]
    [InlineData("FINNEY", "wss://entrypoint-finney.opentensor.ai:443")]
    public void Network_names_map_to_the_bittensor_urls(string network, string expected)
    {
        Assert.Equal(new Uri(expected), SubtensorEndpoint.Resolve(network));
    }

    [Fact]
    public void An_explicit_endpoint_wins_over_the_network_name()
    {
        Assert.Equal(new Uri("wss://node.example:9944"), SubtensorEndpoint.Resolve("finney", "wss://node.example:9944"));
    }

    [Fact]
    public void No_network_and_no_endpoint_means_finney()
    {
        Assert.Equal(SubtensorEndpoint.Networks["finney"], SubtensorEndpoint.Resolve(null, null));
    }

    [Fact]
    public void An_endpoint_without_a_scheme_is_taken_as_plain_ws()
    {
        Assert.Equal(new Uri("ws://10.0.0.5:9944"), SubtensorEndpoint.Resolve(null, "10.0.0.5:9944"));
    }

    [Fact]
    public void An_unknown_network_name_is_treated_as_an_endpoint()
    {
        Assert.Equal(new Uri("ws://mynode:9944"), SubtensorEndpoint.Resolve("mynode:9944"));
    }

    [Theory]
    [InlineData("http://node:9944")]
    [InlineData("ws://")]
    public void An_endpoint_that_is_not_a_websocket_url_is_refused(string endpoint)
    {
        var error = Assert.Throws<ArgumentException>(() => SubtensorEndpoint.Resolve(null, endpoint));
        Assert.Contains("ws://", error.Message);
    }

    [Theory]
    [InlineData("wss://entrypoint-finney.opentensor.ai:443", "finney")]
    [InlineData("wss://test.finney.opentensor.ai:443", "test")]
    [InlineData("ws://127.0.0.1:9944", "local")]
    [InlineData("ws://localhost:9944", "local")]
    [InlineData("wss://lite.sub.latent.to:443", "unknown")]
    public void A_url_is_recognised_back_as_its_network(string url, string expected)
    {
        Assert.Equal(expected, SubtensorEndpoint.NetworkOf(new Uri(url)));
    }

    [Fact]
    public void Default_options_are_valid()
    {
        new SubtensorOptions().Validate();
        Assert.Equal(1000UL * Metagraph.RaoPerTao, new MetagraphOptions().MinStakeRao);
    }

    [Fact]
    public void Options_that_cannot_work_are_refused_with_the_setting_name()
    {
        var error = Assert.Throws<ArgumentException>(() => new SubtensorOptions { RequestTimeout = TimeSpan.Zero }.Validate());
        Assert.Contains("subtensor.request-timeout", error.Message);
    }

    [Fact]
    public void The_devnet_metagraph_options_allow_loopback_axons()
    {
        var policy = new MetagraphOptions { AllowLoopbackAxons = true }.AddressPolicy;

        Assert.True(policy.AllowLoopback);
        Assert.False(policy.AllowPrivate);
    }
}
