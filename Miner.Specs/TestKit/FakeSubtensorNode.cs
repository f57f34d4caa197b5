using System.Collections.Concurrent;
using System.Net;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Miner.Specs.TestKit;

/// <summary>
/// A JSON-RPC WebSocket server on loopback (Kestrel) that answers through a handler: replayed recordings,
/// errors, delays, dropped connections, replies split into frames of <see cref="FrameSize"/> bytes.
/// Requests are answered concurrently, so delayed replies overtake each other as on a real node.
/// </summary>
public sealed class FakeSubtensorNode : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly Func<FakeRpcRequest, FakeRpcReply> _handler;
    private readonly ConcurrentDictionary<int, HttpContext> _open = new();
    private int _connections;

    private FakeSubtensorNode(WebApplication app, Func<FakeRpcRequest, FakeRpcReply> handler)
    {
        _app = app;
        _handler = handler;
    }

    public Uri Url { get; private set; } = null!;

    /// <summary>0 sends every reply as one frame; otherwise replies are cut into frames of this many bytes.</summary>
    public int FrameSize { get; set; }

    public int Connections => Volatile.Read(ref _connections);

    public ConcurrentQueue<FakeRpcRequest> Requests { get; } = new();

    public static async Task<FakeSubtensorNode> StartAsync(Func<FakeRpcRequest, FakeRpcReply> handler)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(1));
        var app = builder.Build();
        var node = new FakeSubtensorNode(app, handler);
        app.UseWebSockets();
        app.Run(node.AcceptAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        node.Url = new Uri(address.Replace("http://", "ws://", StringComparison.Ordinal));
        return node;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var context in _open.Values)
        {
            try
            {
                context.Abort();
            }
            catch (ObjectDisposedException)
            {
                // the connection finished between the snapshot and the abort: already closed, as wanted
            }
        }
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task AcceptAsync(HttpContext context)
    {
        if (!context.WebSockets.IsWebSocketRequest)
        {
            context.Response.StatusCode = 400;
            return;
        }
        var number = Interlocked.Increment(ref _connections);
        _open[number] = context;
        using var socket = await context.WebSockets.AcceptWebSocketAsync();
        var sendLock = new SemaphoreSlim(1, 1);
        var replies = new List<Task>();
        try
        {
            while (await ReceiveTextAsync(socket, context.RequestAborted) is { } text)
            {
                using var document = JsonDocument.Parse(text);
                var root = document.RootElement;
                var request = new FakeRpcRequest(number, root.GetProperty("id").GetRawText(), root.GetProperty("method").GetString()!,
                    root.GetProperty("params").Clone());
                Requests.Enqueue(request);
                replies.Add(ReplyAsync(context, socket, sendLock, request, _handler(request)));
            }
        }
        catch (Exception error) when (error is WebSocketException or OperationCanceledException or IOException)
        {
            // the client went away or the node dropped the connection on purpose
        }
        await Task.WhenAll(replies);
        _open.TryRemove(number, out _);
    }

    private async Task ReplyAsync(HttpContext context, WebSocket socket, SemaphoreSlim sendLock, FakeRpcRequest request, FakeRpcReply reply)
    {
        try
        {
            if (reply.Delay > TimeSpan.Zero) await Task.Delay(reply.Delay, context.RequestAborted);
            if (reply.WaitFor is { } gate) await gate.WaitAsync(context.RequestAborted);
            if (reply.Silent) return;
            if (reply.Drop)
            {
                context.Abort();
                return;
            }
            var bytes = Encoding.UTF8.GetBytes(reply.RawText ?? Envelope(request.IdJson, reply));
            var frame = FrameSize > 0 ? FrameSize : bytes.Length;
            await sendLock.WaitAsync(context.RequestAborted);
            try
            {
                for (var start = 0; start < bytes.Length; start += frame)
                {
                    var count = Math.Min(frame, bytes.Length - start);
                    await socket.SendAsync(bytes.AsMemory(start, count), WebSocketMessageType.Text, start + count == bytes.Length, context.RequestAborted);
                }
            }
            finally
            {
                sendLock.Release();
            }
        }
        catch (Exception error) when (error is WebSocketException or OperationCanceledException or IOException or ObjectDisposedException)
        {
            // connection already gone
        }
    }

    private static string Envelope(string idJson, FakeRpcReply reply) => reply.Error is { } error
        ? $"{{\"jsonrpc\":\"2.0\",\"id\":{idJson},\"error\":{{\"code\":{error.Code},\"message\":{JsonSerializer.Serialize(error.Message)}}}}}"
        : $"{{\"jsonrpc\":\"2.0\",\"id\":{idJson},\"result\":{reply.ResultJson ?? "null"}}}";

    private static async Task<string?> ReceiveTextAsync(WebSocket socket, CancellationToken cancellation)
    {
        var buffer = new byte[16 * 1024];
        using var message = new MemoryStream();
        while (true)
        {
            var received = await socket.ReceiveAsync(buffer, cancellation);
            if (received.MessageType == WebSocketMessageType.Close) return null;
            message.Write(buffer, 0, received.Count);
            if (received.EndOfMessage) return Encoding.UTF8.GetString(message.ToArray());
        }
    }
}
