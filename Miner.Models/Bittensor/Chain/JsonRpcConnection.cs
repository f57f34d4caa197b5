using System.Buffers;
using System.Collections.Concurrent;
using System.Net.WebSockets;
using System.Text.Json;

namespace Miner.Models.Bittensor.Chain;

/// <summary>
/// One open WebSocket: sends requests one at a time, runs a single receive loop that reassembles multi-frame
/// messages and completes the pending request with the matching id. When anything goes wrong the whole
/// connection is failed — every pending request fails with the same reason — and the owner opens a new one.
/// </summary>
internal sealed class JsonRpcConnection
{
    private readonly ClientWebSocket _socket;
    private readonly int _maxResponseBytes;
    private readonly ConcurrentDictionary<long, (string Method, TaskCompletionSource<JsonElement> Reply)> _pending = new();
    private readonly SemaphoreSlim _sendLock = new(1, 1);
    private readonly CancellationTokenSource _stop = new();
    private Func<Exception>? _failure;

    private JsonRpcConnection(ClientWebSocket socket, int maxResponseBytes)
    {
        _socket = socket;
        _maxResponseBytes = maxResponseBytes;
    }

    public bool IsAlive => Volatile.Read(ref _failure) is null;

    public static async Task<JsonRpcConnection> OpenAsync(
        Uri endpoint, SubtensorOptions options, TimeProvider time, CancellationToken cancellation)
    {
        var socket = new ClientWebSocket();
        socket.Options.KeepAliveInterval = options.KeepAliveInterval;
        using var timeout = new CancellationTokenSource(options.ConnectTimeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellation, timeout.Token);
        try
        {
            await socket.ConnectAsync(endpoint, linked.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !cancellation.IsCancellationRequested)
        {
            socket.Dispose();
            throw new TimeoutException($"connecting to {endpoint} took longer than {options.ConnectTimeout}");
        }
        catch
        {
            socket.Dispose();
            throw;
        }
        var connection = new JsonRpcConnection(socket, options.MaxResponseBytes);
        _ = connection.ReceiveLoopAsync();
        return connection;
    }

    /// <summary>Sends one request and waits for its reply, its timeout, the caller's cancellation or a connection failure.</summary>
    public async Task<JsonElement> CallAsync(
        long id, string method, byte[] request, TimeSpan timeout, TimeProvider time, CancellationToken cancellation)
    {
        var reply = new TaskCompletionSource<JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously);
        _pending[id] = (method, reply);
        try
        {
            // Registered first, so a failure racing with this call still reaches it.
            if (Volatile.Read(ref _failure) is { } failure) throw failure();
            await SendAsync(request, cancellation).ConfigureAwait(false);
            return await reply.Task.WaitAsync(timeout, time, cancellation).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"{method} (request {id}) got no reply within {timeout}");
        }
        finally
        {
            _pending.TryRemove(id, out _);
        }
    }

    public void Close(Func<Exception> reason) => Fail(reason);

    private async Task SendAsync(byte[] request, CancellationToken cancellation)
    {
        await _sendLock.WaitAsync(cancellation).ConfigureAwait(false);
        try
        {
            await _socket.SendAsync(request, WebSocketMessageType.Text, endOfMessage: true, cancellation).ConfigureAwait(false);
        }
        catch (Exception error) when (error is WebSocketException or IOException or ObjectDisposedException)
        {
            Exception Failure() => new SubtensorTransportException($"sending to the node failed: {error.Message}", retryable: true, error);
            Fail(Failure);
            throw Failure();
        }
        finally
        {
            _sendLock.Release();
        }
    }

    private async Task ReceiveLoopAsync()
    {
        var chunk = ArrayPool<byte>.Shared.Rent(64 * 1024);
        var message = new ArrayBufferWriter<byte>(64 * 1024);
        try
        {
            while (IsAlive)
            {
                var received = await _socket.ReceiveAsync(chunk.AsMemory(), _stop.Token).ConfigureAwait(false);
                if (received.MessageType == WebSocketMessageType.Close)
                {
                    var status = _socket.CloseStatus is { } code ? $" ({(int)code} {_socket.CloseStatusDescription})" : "";
                    Fail(() => new SubtensorTransportException($"the node closed the connection{status}", retryable: true));
                    return;
                }
                if (message.WrittenCount + received.Count > _maxResponseBytes)
                {
                    // The id of an oversized message is unknown, so the connection goes; repeating would only
                    // download the same oversized answer again.
                    Fail(() => new SubtensorTransportException(
                        $"a message from the node exceeded the {_maxResponseBytes}-byte cap (subtensor.max-response-bytes)", retryable: false));
                    return;
                }
                message.Write(chunk.AsSpan(0, received.Count));
                if (!received.EndOfMessage) continue;
                Dispatch(message.WrittenMemory);
                message.ResetWrittenCount();
            }
        }
        catch (Exception error)
        {
            // Background loop: whatever ends it becomes the failure every pending request sees.
            Fail(() => new SubtensorTransportException($"the connection to the node was lost: {error.Message}", retryable: true, error));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }
    }

    private void Dispatch(ReadOnlyMemory<byte> text)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(text);
        }
        catch (JsonException error)
        {
            Fail(() => new SubtensorTransportException($"the node sent malformed JSON: {error.Message}", retryable: true, error));
            return;
        }
        using (document)
        {
            var root = document.RootElement;
            // Notifications and replies to requests that already timed out are dropped.
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("id", out var idElement)
                || !idElement.TryGetInt64(out var id) || !_pending.TryRemove(id, out var pending))
                return;
            if (root.TryGetProperty("error", out var error) && error.ValueKind != JsonValueKind.Null)
                pending.Reply.TrySetException(ToException(pending.Method, error));
            else if (root.TryGetProperty("result", out var result))
                pending.Reply.TrySetResult(result.Clone());
            else
                pending.Reply.TrySetException(new JsonRpcException(pending.Method, 0, "reply has neither result nor error", null));
        }
    }

    private static JsonRpcException ToException(string method, JsonElement error)
    {
        if (error.ValueKind != JsonValueKind.Object) return new JsonRpcException(method, 0, error.GetRawText(), null);
        var code = error.TryGetProperty("code", out var c) && c.TryGetInt32(out var value) ? value : 0;
        var text = error.TryGetProperty("message", out var m) && m.ValueKind == JsonValueKind.String ? m.GetString()! : "(no message)";
        var data = error.TryGetProperty("data", out var d) ? d.GetRawText() : null;
        return new JsonRpcException(method, code, text, data);
    }

    /// <summary>Fails the connection once; each pending request gets its own exception instance from <paramref name="reason"/>.</summary>
    private void Fail(Func<Exception> reason)
    {
        if (Interlocked.CompareExchange(ref _failure, reason, null) is not null) return;
        _stop.Cancel();
        foreach (var id in _pending.Keys)
        {
            if (_pending.TryRemove(id, out var pending)) pending.Reply.TrySetException(reason());
        }
        _socket.Abort();
        _socket.Dispose();
    }
}
