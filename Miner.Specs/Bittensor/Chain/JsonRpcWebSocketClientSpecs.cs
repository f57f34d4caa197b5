using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Miner.Models.Bittensor.Chain;
using Miner.Specs.TestKit;

namespace Miner.Specs.Bittensor.Chain;

public sealed class JsonRpcWebSocketClientSpecs
{
    internal static SubtensorOptions FastOptions() => new()
    {
        ConnectTimeout = TimeSpan.FromSeconds(5),
        RequestTimeout = TimeSpan.FromSeconds(5),
        ReconnectInitialDelay = TimeSpan.FromMilliseconds(10),
        ReconnectMaxDelay = TimeSpan.FromMilliseconds(40),
        MaxConnectAttempts = 3,
        MaxRequestAttempts = 3,
    };

    private static FakeRpcReply Echo(FakeRpcRequest request) => FakeRpcReply.Result(request.Params.GetRawText());

    [Fact]
    public async Task A_call_returns_the_result_of_the_reply_with_its_id()
    {
        await using var node = await FakeSubtensorNode.StartAsync(Echo);
        await using var client = new JsonRpcWebSocketClient(node.Url, FastOptions());

        var result = await client.CallAsync("echo", ["0x1100", 7UL, null]);

        Assert.Equal("""["0x1100",7,null]""", result.GetRawText());
        var request = Assert.Single(node.Requests);
        Assert.Equal("echo", request.Method);
    }

    [Fact]
    public async Task A_reply_split_across_many_frames_is_reassembled()
    {
        var big = new string('a', 300_000);
        await using var node = await FakeSubtensorNode.StartAsync(_ => FakeRpcReply.String(big));
        node.FrameSize = 1000;
        await using var client = new JsonRpcWebSocketClient(node.Url, FastOptions());

        var result = await client.CallAsync("big", []);

        Assert.Equal(big, result.GetString());
    }

    [Fact]
    public async Task Concurrent_calls_are_matched_by_id_when_answered_out_of_order()
    {
        var slowReceived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var fastAnswered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var node = await FakeSubtensorNode.StartAsync(r =>
        {
            if (r.StringParam(0) != "slow") return Echo(r);
            slowReceived.TrySetResult();
            return Echo(r) with { WaitFor = fastAnswered.Task };
        });
        await using var client = new JsonRpcWebSocketClient(node.Url, FastOptions());

        var slow = client.CallAsync("echo", ["slow"]);
        await slowReceived.Task.WaitAsync(TimeSpan.FromSeconds(10)); // asked first, answered last
        var fast = client.CallAsync("echo", ["fast"]);
        Assert.Equal("""["fast"]""", (await fast).GetRawText()); // answered while the first call still waits
        Assert.False(slow.IsCompleted);
        fastAnswered.SetResult();
        Assert.Equal("""["slow"]""", (await slow).GetRawText());
        Assert.Equal(1, node.Connections);
    }

    [Fact]
    public async Task A_json_rpc_error_object_becomes_an_exception_with_the_code_and_message()
    {
        await using var node = await FakeSubtensorNode.StartAsync(_ => FakeRpcReply.Failure(-32601, "Method not found"));
        await using var client = new JsonRpcWebSocketClient(node.Url, FastOptions());

        var error = await Assert.ThrowsAsync<JsonRpcException>(() => client.CallAsync("nope", []));

        Assert.Equal(("nope", -32601, "Method not found"), (error.Method, error.Code, error.NodeMessage));
        Assert.Single(node.Requests);
    }

    [Fact]
    public async Task A_pruned_state_error_is_recognisable()
    {
        await using var node = await FakeSubtensorNode.StartAsync(_ =>
            FakeRpcReply.Failure(4003, "Client error: UnknownBlock: State already discarded for 0x1234"));
        await using var client = new JsonRpcWebSocketClient(node.Url, FastOptions());

        var error = await Assert.ThrowsAsync<JsonRpcException>(() => client.CallAsync("state_call", []));

        Assert.True(error.IsStateDiscarded);
    }

    [Fact]
    public async Task A_call_without_a_reply_times_out_naming_the_method()
    {
        await using var node = await FakeSubtensorNode.StartAsync(_ => FakeRpcReply.NoReply());
        var options = FastOptions();
        options.RequestTimeout = TimeSpan.FromMilliseconds(200);
        await using var client = new JsonRpcWebSocketClient(node.Url, options);

        var error = await Assert.ThrowsAsync<TimeoutException>(() => client.CallAsync("chain_getHeader", []));

        Assert.Contains("chain_getHeader", error.Message);
    }

    [Fact]
    public async Task A_late_reply_to_a_timed_out_call_is_ignored_and_the_connection_kept()
    {
        await using var node = await FakeSubtensorNode.StartAsync(r =>
            Echo(r) with { Delay = r.Method == "slow" ? TimeSpan.FromMilliseconds(400) : TimeSpan.Zero });
        var options = FastOptions();
        options.RequestTimeout = TimeSpan.FromMilliseconds(150);
        await using var client = new JsonRpcWebSocketClient(node.Url, options);

        await Assert.ThrowsAsync<TimeoutException>(() => client.CallAsync("slow", []));
        await Task.Delay(400);
        var result = await client.CallAsync("echo", ["after"]);

        Assert.Equal("""["after"]""", result.GetRawText());
        Assert.Equal(1, client.ConnectionsOpened);
    }

    [Fact]
    public async Task Cancelling_a_call_stops_waiting_for_its_reply()
    {
        await using var node = await FakeSubtensorNode.StartAsync(_ => FakeRpcReply.NoReply());
        await using var client = new JsonRpcWebSocketClient(node.Url, FastOptions());
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.CallAsync("wait", [], cancel.Token));
    }

    [Fact]
    public async Task A_dropped_connection_is_reopened_and_the_call_repeated()
    {
        await using var node = await FakeSubtensorNode.StartAsync(r => r.Connection == 1 ? FakeRpcReply.DropConnection() : Echo(r));
        await using var client = new JsonRpcWebSocketClient(node.Url, FastOptions());

        var result = await client.CallAsync("echo", ["again"]);

        Assert.Equal("""["again"]""", result.GetRawText());
        Assert.Equal(2, node.Connections);
        Assert.Equal(2, client.ConnectionsOpened);
    }

    [Fact]
    public async Task A_node_that_keeps_dropping_the_connection_fails_the_call_after_the_configured_attempts()
    {
        await using var node = await FakeSubtensorNode.StartAsync(_ => FakeRpcReply.DropConnection());
        await using var client = new JsonRpcWebSocketClient(node.Url, FastOptions());

        var error = await Assert.ThrowsAsync<SubtensorTransportException>(() => client.CallAsync("echo", []));

        Assert.Contains("lost", error.Message);
        Assert.Equal(3, node.Requests.Count);
    }

    [Fact]
    public async Task An_unreachable_node_is_retried_with_backoff_then_reported()
    {
        var url = new Uri($"ws://127.0.0.1:{UnusedPort()}/");
        await using var client = new JsonRpcWebSocketClient(url, FastOptions());
        var clock = Stopwatch.StartNew();

        var error = await Assert.ThrowsAsync<SubtensorTransportException>(() => client.CallAsync("echo", []));

        Assert.Contains("after 3 attempts", error.Message);
        Assert.Contains(url.Authority, error.Message);
        Assert.False(error.Retryable);
        Assert.True(clock.Elapsed >= TimeSpan.FromMilliseconds(10 + 20), $"gave up after {clock.Elapsed}");
    }

    [Fact]
    public void Reconnect_delays_double_up_to_the_cap()
    {
        var options = new SubtensorOptions { ReconnectInitialDelay = TimeSpan.FromSeconds(1), ReconnectMaxDelay = TimeSpan.FromSeconds(30) };

        Assert.Equal([1, 2, 4, 8, 16, 30, 30], Enumerable.Range(1, 7).Select(n => options.ReconnectDelay(n).TotalSeconds));
        Assert.Equal(TimeSpan.FromSeconds(30), options.ReconnectDelay(1000));
    }

    [Fact]
    public async Task A_reply_over_the_size_cap_fails_the_call_without_retrying()
    {
        await using var node = await FakeSubtensorNode.StartAsync(_ => FakeRpcReply.String(new string('b', 5000)));
        node.FrameSize = 512;
        var options = FastOptions();
        options.MaxResponseBytes = 2048;
        await using var client = new JsonRpcWebSocketClient(node.Url, options);

        var error = await Assert.ThrowsAsync<SubtensorTransportException>(() => client.CallAsync("big", []));

        Assert.Contains("2048-byte cap", error.Message);
        Assert.False(error.Retryable);
        Assert.Single(node.Requests);
    }

    [Fact]
    public async Task Malformed_json_from_the_node_is_reported_as_a_transport_failure()
    {
        await using var node = await FakeSubtensorNode.StartAsync(_ => FakeRpcReply.Raw("{\"jsonrpc\":\"2.0\",\"id\":"));
        var options = FastOptions();
        options.MaxRequestAttempts = 1;
        await using var client = new JsonRpcWebSocketClient(node.Url, options);

        var error = await Assert.ThrowsAsync<SubtensorTransportException>(() => client.CallAsync("echo", []));

        Assert.Contains("malformed JSON", error.Message);
    }

    [Fact]
    public async Task Pending_calls_fail_when_the_client_is_disposed()
    {
        await using var node = await FakeSubtensorNode.StartAsync(_ => FakeRpcReply.NoReply());
        var client = new JsonRpcWebSocketClient(node.Url, FastOptions());
        var pending = client.CallAsync("wait", []);
        while (node.Requests.IsEmpty) await Task.Delay(10);

        await client.DisposeAsync();

        await Assert.ThrowsAsync<ObjectDisposedException>(() => pending);
        await Assert.ThrowsAsync<ObjectDisposedException>(() => client.CallAsync("echo", []));
    }

    [Fact]
    public async Task Disposing_stops_a_reconnect_backoff_in_progress()
    {
        var options = FastOptions();
        options.ReconnectInitialDelay = options.ReconnectMaxDelay = TimeSpan.FromSeconds(30);
        var client = new JsonRpcWebSocketClient(new Uri($"ws://127.0.0.1:{UnusedPort()}/"), options);
        var call = client.CallAsync("echo", []);
        await Task.Delay(100);

        await client.DisposeAsync();

        await Assert.ThrowsAsync<ObjectDisposedException>(() => call.WaitAsync(TimeSpan.FromSeconds(5)));
    }

    [Fact]
    public async Task Parameters_of_unsupported_types_are_refused_before_connecting()
    {
        await using var client = new JsonRpcWebSocketClient(new Uri($"ws://127.0.0.1:{UnusedPort()}/"), FastOptions());

        await Assert.ThrowsAsync<ArgumentException>(() => client.CallAsync("x", [new object()]));
        Assert.Equal(0, client.ConnectionsOpened);
    }

    private static int UnusedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
