using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Http;
using Miner.Models.Bittensor.Chain;
using Miner.Models.Bittensor.Wire;
using Miner.Models.Protocol;
using Miner.Specs.TestKit;

namespace Miner.Specs.Bittensor.Wire;

/// <summary>How the dendrite reads what comes back from servers that are not well-behaved axons.</summary>
public sealed class DendriteResponseSpecs
{
    [Fact]
    public async Task The_request_on_the_wire_carries_every_synapse_header_and_the_body_unchanged()
    {
        var seen = new TaskCompletionSource<(Dictionary<string, string> Headers, byte[] Body)>();
        await using var server = await LoopbackHttpServer.StartAsync(async context =>
        {
            using var body = new MemoryStream();
            await context.Request.Body.CopyToAsync(body);
            // Kestrel recycles the header collection once the request ends: copy it.
            seen.SetResult((context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase), body.ToArray()));
        });
        using var dendrite = Dendrite();
        var request = dendrite.Prepare(new PullTask(), Target(server), TimeSpan.FromSeconds(12));
        await dendrite.SendAsync<PullTask>(request);
        var (headers, body) = await seen.Task;
        Assert.Equal(request.Body, body);
        foreach (var (name, value) in request.Headers) Assert.Equal(value, headers[name]);
        Assert.Equal("application/json", headers["content-type"]);
    }

    [Fact]
    public async Task A_redirect_is_not_followed()
    {
        await using var server = await LoopbackHttpServer.StartAsync(context =>
        {
            context.Response.Redirect("http://169.254.169.254/latest/meta-data");
            return Task.CompletedTask;
        });
        var outcome = await Pull(server);
        Assert.Equal((DendriteStatus.UnexpectedStatus, 302), (outcome.Status, outcome.HttpStatus));
    }

    [Fact]
    public async Task A_200_whose_body_is_not_synapse_json_is_an_invalid_response()
    {
        await using var server = await LoopbackHttpServer.StartAsync(context => context.Response.WriteAsync("<html>hello</html>"));
        var outcome = await Pull(server);
        Assert.Equal((DendriteStatus.InvalidResponse, 200), (outcome.Status, outcome.HttpStatus));
        Assert.StartsWith("Failed to parse response: $: malformed JSON", outcome.Message);
    }

    [Fact]
    public async Task A_200_with_a_wrongly_typed_field_names_the_field()
    {
        await using var server = await LoopbackHttpServer.StartAsync(context => context.Response.WriteAsync("""{"task": {"type": "video"}}"""));
        var outcome = await Pull(server);
        Assert.Equal("Failed to parse response: $.task.type: expected \"text\" or \"image\", got \"video\"", outcome.Message);
    }

    [Fact]
    public async Task A_proxy_error_page_is_a_server_error_quoting_the_body()
    {
        await using var server = await LoopbackHttpServer.StartAsync(context =>
        {
            context.Response.StatusCode = 502;
            return context.Response.WriteAsync("<html>Bad Gateway</html>");
        });
        var outcome = await Pull(server);
        Assert.Equal((DendriteStatus.ServerError, 502, "HTTP 502: <html>Bad Gateway</html>"), (outcome.Status, outcome.HttpStatus, outcome.Message));
    }

    [Fact]
    public async Task A_declared_body_over_the_cap_is_refused_unread()
    {
        await using var server = await LoopbackHttpServer.StartAsync(context =>
        {
            context.Response.ContentLength = 10_000;
            return context.Response.Body.WriteAsync(new byte[10_000]).AsTask();
        });
        var outcome = await Pull(server, new DendriteOptions { MaxResponseBytes = 4096 });
        Assert.Equal(DendriteStatus.InvalidResponse, outcome.Status);
        Assert.Equal("Failed to parse response: the body exceeds 4096 bytes", outcome.Message);
    }

    [Fact]
    public async Task A_chunked_body_over_the_cap_is_refused()
    {
        await using var server = await LoopbackHttpServer.StartAsync(async context =>
        {
            for (var i = 0; i < 10; i++) await context.Response.Body.WriteAsync(new byte[1000]);
        });
        var outcome = await Pull(server, new DendriteOptions { MaxResponseBytes = 4096 });
        Assert.Equal(DendriteStatus.InvalidResponse, outcome.Status);
    }

    [Fact]
    public async Task A_port_nobody_listens_on_is_unavailable()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        using var dendrite = Dendrite();
        var outcome = await dendrite.PullTaskAsync(new AxonTarget(IPAddress.Loopback, port, KnownKeys.BobSs58));
        Assert.Equal((DendriteStatus.Unavailable, null), (outcome.Status, outcome.HttpStatus));
        Assert.StartsWith($"Service unavailable at 127.0.0.1:{port}/PullTask", outcome.Message);
    }

    [Fact]
    public async Task The_callers_own_cancellation_throws_instead_of_becoming_an_outcome()
    {
        var entered = new TaskCompletionSource();
        await using var server = await LoopbackHttpServer.StartAsync(async context =>
        {
            entered.TrySetResult();
            await Task.Delay(Timeout.Infinite, context.RequestAborted);
        });
        using var dendrite = Dendrite();
        using var cancellation = new CancellationTokenSource();
        var call = dendrite.PullTaskAsync(Target(server), cancellation.Token);
        await entered.Task;
        await cancellation.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);
    }

    private static Dendrite Dendrite(DendriteOptions? options = null) =>
        WireSamples.AliceDendrite(new ManualTimeProvider(ManualTimeProvider.NewYear2025), new AxonAddressPolicy(allowLoopback: true), options);

    private static AxonTarget Target(LoopbackHttpServer server) => new(IPAddress.Loopback, server.Address.Port, KnownKeys.BobSs58);

    private static async Task<DendriteOutcome<PullTask>> Pull(LoopbackHttpServer server, DendriteOptions? options = null)
    {
        using var dendrite = Dendrite(options);
        return await dendrite.PullTaskAsync(Target(server));
    }
}
