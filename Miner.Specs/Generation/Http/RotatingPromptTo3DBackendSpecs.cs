using Miner.Models.Generation;
using Miner.Specs.TestKit;

namespace Miner.Specs.Generation.Http;

/// <summary>Several generation endpoints for one GPU: used in turn, a transient failure moves on, a permanent one does not.</summary>
public sealed class RotatingPromptTo3DBackendSpecs
{
    [Fact]
    public async Task Calls_go_to_the_endpoints_in_turn()
    {
        var hits = new int[2];
        await using var first = await LoopbackHttpServer.StartAsync(context => { hits[0]++; return BackendServers.Reply(context, BackendServers.PlyBytes, "application/octet-stream"); });
        await using var second = await LoopbackHttpServer.StartAsync(context => { hits[1]++; return BackendServers.Reply(context, BackendServers.PlyBytes, "application/octet-stream"); });
        var rotation = Rotation(first, second);

        for (var i = 0; i < 4; i++) await rotation.GenerateAsync("a cat", CancellationToken.None);

        Assert.Equal([2, 2], hits);
    }

    [Fact]
    public async Task A_transient_failure_moves_on_to_the_next_endpoint()
    {
        await using var broken = await LoopbackHttpServer.StartAsync(context => BackendServers.Status(context, 503));
        await using var working = await LoopbackHttpServer.StartAsync(context => BackendServers.Reply(context, BackendServers.PlyBytes, "application/octet-stream"));
        var rotation = Rotation(broken, working);

        for (var i = 0; i < 3; i++)
            Assert.Equal(BackendServers.Cloud.Count, (await rotation.GenerateAsync("a cat", CancellationToken.None)).Count);
    }

    [Fact]
    public async Task A_permanent_failure_is_thrown_without_trying_the_others()
    {
        var hits = 0;
        await using var refusing = await LoopbackHttpServer.StartAsync(context => BackendServers.Status(context, 422));
        await using var working = await LoopbackHttpServer.StartAsync(context => { hits++; return BackendServers.Reply(context, BackendServers.PlyBytes, "application/octet-stream"); });
        var rotation = Rotation(refusing, working);

        var error = await Assert.ThrowsAsync<HttpBackendException>(() => rotation.GenerateAsync("a cat", CancellationToken.None));

        Assert.Equal(HttpBackendFailure.Status, error.Failure);
        Assert.Equal(0, hits);
    }

    [Fact]
    public async Task When_every_endpoint_fails_the_error_lists_them_all()
    {
        await using var first = await LoopbackHttpServer.StartAsync(context => BackendServers.Status(context, 500));
        await using var second = await LoopbackHttpServer.StartAsync(context => BackendServers.Status(context, 502));

        var error = await Assert.ThrowsAsync<HttpBackendException>(() => Rotation(first, second).GenerateAsync("a cat", CancellationToken.None));

        Assert.True(error.IsTransient);
        Assert.Contains("every one of the 2 endpoints failed", error.Message);
        Assert.Contains(first.Address.Authority, error.Message);
        Assert.Contains(second.Address.Authority, error.Message);
    }

    private static RotatingPromptTo3DBackend Rotation(params LoopbackHttpServer[] servers) =>
        new(servers.Select(s => (IPromptTo3DBackend)new GenerateEndpointBackend(BackendServers.Http, BackendServers.Options(s))).ToList());
}
