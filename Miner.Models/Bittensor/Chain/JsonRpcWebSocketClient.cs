using System.Net.WebSockets;
using System.Text.Json;

namespace Miner.Models.Bittensor.Chain;

/// <summary>
/// JSON-RPC 2.0 over one WebSocket to a subtensor node. Concurrent calls share the socket and are matched by id;
/// each call has a timeout and honours cancellation; a dropped connection is reopened (with exponential backoff
/// between failed connection attempts) and the call repeated, since every call the miner makes is a read.
/// </summary>
public sealed class JsonRpcWebSocketClient : IAsyncDisposable
{
    private readonly SubtensorOptions _options;
    private readonly TimeProvider _time;
    private readonly SemaphoreSlim _connectLock = new(1, 1);
    private readonly CancellationTokenSource _disposal = new();
    private JsonRpcConnection? _connection;
    private long _nextId;
    private int _connectionsOpened;
    private bool _disposed;

    public JsonRpcWebSocketClient(Uri endpoint, SubtensorOptions options, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        ArgumentNullException.ThrowIfNull(options);
        if (endpoint.Scheme is not ("ws" or "wss")) throw new ArgumentException($"not a WebSocket URL: {endpoint}", nameof(endpoint));
        options.Validate();
        Endpoint = endpoint;
        _options = options;
        _time = time ?? TimeProvider.System;
    }

    public Uri Endpoint { get; }

    /// <summary>How many connections have been opened so far (1 + reconnects); for status output and specs.</summary>
    public int ConnectionsOpened => Volatile.Read(ref _connectionsOpened);

    /// <summary>
    /// Calls <paramref name="method"/> and returns its <c>result</c>. Parameters may be null, strings, booleans,
    /// integers or JsonElements. Throws <see cref="JsonRpcException"/> for an error reply,
    /// <see cref="TimeoutException"/> when no reply comes in time, <see cref="SubtensorTransportException"/> when
    /// the node cannot be reached or keeps dropping the connection.
    /// </summary>
    public async Task<JsonElement> CallAsync(string method, IReadOnlyList<object?> parameters, CancellationToken cancellation = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(method);
        ArgumentNullException.ThrowIfNull(parameters);
        for (var attempt = 1; ; attempt++)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            var id = Interlocked.Increment(ref _nextId);
            var request = Serialize(id, method, parameters);
            var connection = await ConnectedAsync(cancellation).ConfigureAwait(false);
            try
            {
                return await connection.CallAsync(id, method, request, _options.RequestTimeout, _time, cancellation).ConfigureAwait(false);
            }
            catch (SubtensorTransportException error) when (error.Retryable && attempt < _options.MaxRequestAttempts && !_disposed)
            {
                await Task.Delay(_options.ReconnectDelay(attempt), _time, cancellation).ConfigureAwait(false);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_disposed) return;
        _disposed = true;
        await _disposal.CancelAsync().ConfigureAwait(false); // stops a connect or backoff in progress
        await _connectLock.WaitAsync().ConfigureAwait(false);
        try
        {
            _connection?.Close(() => new ObjectDisposedException(nameof(JsonRpcWebSocketClient), "the subtensor client was disposed"));
            _connection = null;
        }
        finally
        {
            _connectLock.Release();
        }
    }

    private async Task<JsonRpcConnection> ConnectedAsync(CancellationToken cancellation)
    {
        if (Volatile.Read(ref _connection) is { IsAlive: true } live) return live;
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellation, _disposal.Token);
        try
        {
            await _connectLock.WaitAsync(linked.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (_disposed)
        {
            throw new ObjectDisposedException(nameof(JsonRpcWebSocketClient));
        }
        try
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_connection is { IsAlive: true } opened) return opened;
            Exception? last = null;
            for (var failures = 0; failures < _options.MaxConnectAttempts; failures++)
            {
                try
                {
                    if (failures > 0) await Task.Delay(_options.ReconnectDelay(failures), _time, linked.Token).ConfigureAwait(false);
                    var connection = await JsonRpcConnection.OpenAsync(Endpoint, _options, _time, linked.Token).ConfigureAwait(false);
                    Interlocked.Increment(ref _connectionsOpened);
                    Volatile.Write(ref _connection, connection);
                    return connection;
                }
                catch (OperationCanceledException) when (_disposed && !cancellation.IsCancellationRequested)
                {
                    throw new ObjectDisposedException(nameof(JsonRpcWebSocketClient));
                }
                catch (Exception error) when (error is WebSocketException or IOException or TimeoutException
                                              || (error is OperationCanceledException && !linked.IsCancellationRequested))
                {
                    last = error;
                }
            }
            throw new SubtensorTransportException(
                $"could not connect to {Endpoint} after {_options.MaxConnectAttempts} attempts: {last?.Message}", retryable: false, last);
        }
        finally
        {
            _connectLock.Release();
        }
    }

    private static byte[] Serialize(long id, string method, IReadOnlyList<object?> parameters)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("jsonrpc", "2.0");
            json.WriteNumber("id", id);
            json.WriteString("method", method);
            json.WriteStartArray("params");
            foreach (var parameter in parameters) WriteValue(json, parameter);
            json.WriteEndArray();
            json.WriteEndObject();
        }
        return buffer.ToArray();
    }

    private static void WriteValue(Utf8JsonWriter json, object? value)
    {
        switch (value)
        {
            case null: json.WriteNullValue(); break;
            case string text: json.WriteStringValue(text); break;
            case bool flag: json.WriteBooleanValue(flag); break;
            case ulong number: json.WriteNumberValue(number); break;
            case long number: json.WriteNumberValue(number); break;
            case uint number: json.WriteNumberValue(number); break;
            case int number: json.WriteNumberValue(number); break;
            case ushort number: json.WriteNumberValue(number); break;
            case JsonElement element: element.WriteTo(json); break;
            default: throw new ArgumentException($"unsupported JSON-RPC parameter type {value.GetType().Name}");
        }
    }
}
