using System.Net;
using Miner.Host.Axon;
using Miner.Models.Bittensor.Chain;
using Miner.Models.Bittensor.Wire;
using Miner.Specs.TestKit;

namespace Miner.Specs.Bittensor.Wire;

/// <summary>Bob's axon on a loopback port (the Kestrel adapter) and Alice's dendrite allowed to call it.</summary>
internal sealed class LoopbackAxon : IAsyncDisposable
{
    private LoopbackAxon(AxonHost host, Dendrite dendrite, ManualTimeProvider dendriteTime)
    {
        Host = host;
        Dendrite = dendrite;
        DendriteTime = dendriteTime;
    }

    public AxonHost Host { get; }

    public Dendrite Dendrite { get; }

    /// <summary>The dendrite's clock; advancing it fires the dendrite's call timeouts.</summary>
    public ManualTimeProvider DendriteTime { get; }

    public AxonTarget Target => new(IPAddress.Loopback, Host.Address.Port, KnownKeys.BobSs58);

    public static async Task<LoopbackAxon> StartAsync(
        Action<AxonPipeline> attach, AxonOptions? axonOptions = null, DendriteOptions? dendriteOptions = null, TimeProvider? axonTime = null)
    {
        axonOptions ??= new AxonOptions();
        axonOptions.Port = 0;
        var pipeline = new AxonPipeline(KnownKeys.BobSs58, axonOptions, axonTime ?? new ManualTimeProvider(ManualTimeProvider.NewYear2025));
        attach(pipeline);
        var host = await AxonHost.StartAsync(pipeline, axonOptions);
        var time = new ManualTimeProvider(ManualTimeProvider.NewYear2025);
        var dendrite = WireSamples.AliceDendrite(time, new AxonAddressPolicy(allowLoopback: true), dendriteOptions);
        return new LoopbackAxon(host, dendrite, time);
    }

    public async ValueTask DisposeAsync()
    {
        Dendrite.Dispose();
        await Host.DisposeAsync();
    }
}
