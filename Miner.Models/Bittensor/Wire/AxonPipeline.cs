using Miner.Models.Bittensor.Keys;
using Miner.Models.Protocol;

namespace Miner.Models.Bittensor.Wire;

/// <summary>
/// A bittensor 9.9 axon as a pure request → response function, so any server can host it. In bittensor's order:
/// body size cap (413), route by the first path segment (404), synapse from headers (400), blacklist hook (403),
/// nonce and signature (401), JSON body (422 when malformed, 500 when it breaks the model or the body hash), the
/// handler (500 when it throws), then 200 with the returned synapse as compact JSON. Errors answer
/// <c>{"message": ...}</c> with the messages bittensor uses. Attach routes before serving; handling is thread-safe.
/// </summary>
public sealed class AxonPipeline
{
    private readonly OrderedDictionary<string, Route> _routes = new(StringComparer.Ordinal);
    private readonly AxonOptions _options;
    private readonly TimeProvider _time;
    private readonly AxonVerifier _verifier;

    /// <param name="hotkey">The axon's own hotkey (SS58): requests must be signed for it.</param>
    public AxonPipeline(string hotkey, AxonOptions options, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        Ss58.Decode(hotkey);
        options.Validate();
        Hotkey = hotkey;
        _options = options;
        _time = time ?? TimeProvider.System;
        _verifier = new AxonVerifier(hotkey, options);
        Attach<PingSynapse>((ping, _) => ValueTask.FromResult(ping)); // every axon answers the base synapse
    }

    public string Hotkey { get; }

    public string Uuid { get; } = Guid.NewGuid().ToString();

    /// <summary>
    /// Serves <typeparamref name="T"/> at <c>/{name}</c>, replacing an earlier handler. The handler receives the
    /// synapse read from the body and returns the answer; the blacklist hook sees the (unverified) header synapse.
    /// </summary>
    public AxonPipeline Attach<T>(Func<T, CancellationToken, ValueTask<T>> handler, Func<Synapse, BlacklistDecision>? blacklist = null)
        where T : Synapse
    {
        ArgumentNullException.ThrowIfNull(handler);
        var entry = SynapseCatalog.Of(typeof(T));
        _routes[entry.Name] = new Route(entry, async (synapse, cancellation) => await handler((T)synapse, cancellation).ConfigureAwait(false), blacklist);
        return this;
    }

    public async ValueTask<AxonResponse> HandleAsync(AxonRequest request, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var started = _time.GetTimestamp();
        if (request.Body.Length > _options.MaxRequestBytes) return RefuseOversized(request.Body.Length);
        var empty = new PingSynapse();

        var segments = request.Path.Split('/');
        var name = segments.Length > 1 ? segments[1] : "";
        if (!_routes.TryGetValue(name, out var route))
            return AxonReplies.Error(404, $"Synapse name '{name}' not found. Available synapses {PythonRepr.List(_routes.Keys)}", empty);

        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (key, value) in request.Headers) headers[key] = value;
        Synapse header;
        try
        {
            header = AxonHeaderParser.Parse(route.Entry, headers);
        }
        catch (FormatException)
        {
            return AxonReplies.Error(400,
                $"Improperly formatted request. Could not parse headers {PythonRepr.Headers(request.Headers)} into synapse of type {name}.", empty);
        }

        var now = NonceClock.UnixNanoseconds(_time);
        header = header with
        {
            Axon = header.Axon with { Version = SynapseHeaders.SdkVersion, Uuid = Uuid, Nonce = now, StatusCode = 100 },
            Dendrite = header.Dendrite with { Ip = request.RemoteIp?.ToString() ?? header.Dendrite.Ip, Port = request.RemotePort ?? header.Dendrite.Port },
        };

        if (route.Blacklist is { } blacklist)
        {
            BlacklistDecision decision;
            try
            {
                decision = blacklist(header);
            }
            catch (Exception error)
            {
                return AxonReplies.InternalError(header, error);
            }
            if (decision.Blacklisted) return AxonReplies.Error(403, $"Forbidden. Key is blacklisted: {decision.Reason}.", header);
        }

        if (_verifier.Verify(header, now) is { } reason) return AxonReplies.Error(401, $"Not Verified with error: {reason}", header);

        return await RunAsync(route, header, request, started, cancellation).ConfigureAwait(false);
    }

    /// <summary>413 for a body over <see cref="AxonOptions.MaxRequestBytes"/>; hosts answer it without reading such a body.</summary>
    public AxonResponse RefuseOversized(long bodyBytes) =>
        AxonReplies.Error(413, $"Request body of {bodyBytes} bytes exceeds the limit of {_options.MaxRequestBytes} bytes", new PingSynapse());

    /// <summary>The largest body <see cref="HandleAsync"/> accepts.</summary>
    public int MaxRequestBytes => _options.MaxRequestBytes;

    // What FastAPI does inside the route once the middleware let the request through.
    private async ValueTask<AxonResponse> RunAsync(Route route, Synapse header, AxonRequest request, long started, CancellationToken cancellation)
    {
        if (request.Method is not ("POST" or "GET")) return AxonReplies.Detail(405, "\"Method Not Allowed\"");
        if (request.Path != "/" + route.Entry.Name) return AxonReplies.Detail(404, "\"Not Found\"");
        var contentType = request.Headers.LastOrDefault(h => h.Key.Equals("content-type", StringComparison.OrdinalIgnoreCase)).Value;
        if (!AxonReplies.IsJsonMediaType(contentType)) return AxonReplies.NotAnObject();

        Synapse body;
        try
        {
            body = ProtocolJson.Deserialize(route.Entry.Name, request.Body, _options.MaxRequestBytes);
        }
        catch (ProtocolFormatException error) when (error.IsMalformedJson)
        {
            return AxonReplies.JsonInvalid(error);
        }
        catch (ProtocolFormatException error)
        {
            return AxonReplies.InternalError(header, error);
        }
        if (header.ComputedBodyHash != SynapseHeaders.EmptyBodyHash)
            return AxonReplies.InternalError(header, new FormatException($"body hash {header.ComputedBodyHash} does not match {SynapseHeaders.EmptyBodyHash}"));

        Synapse result;
        try
        {
            result = await route.Handler(body, cancellation).ConfigureAwait(false)
                ?? throw new InvalidOperationException($"the {route.Entry.Name} handler returned null");
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception error)
        {
            return AxonReplies.InternalError(header, error);
        }
        return AxonReplies.Success(result, _time.GetElapsedTime(started));
    }

    private sealed record Route(
        SynapseCatalog.Entry Entry, Func<Synapse, CancellationToken, ValueTask<Synapse>> Handler, Func<Synapse, BlacklistDecision>? Blacklist);
}
