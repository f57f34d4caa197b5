using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using Miner.Models.Bittensor.Chain;
using Miner.Models.Bittensor.Crypto;
using Miner.Models.Bittensor.Keys;
using Miner.Models.Protocol;

namespace Miner.Models.Bittensor.Wire;

/// <summary>
/// Calls validators' axons as a bittensor 9.9 dendrite does: <c>POST http://ip:port/SynapseName</c> with the
/// synapse's headers and full JSON body, signed with the miner hotkey over
/// <c>nonce.minerHotkey.validatorHotkey.uuid.bodyHash</c>. One uuid per instance with strictly increasing
/// nanosecond nonces; no redirects, no proxy, a cap on response size, and every failure returned as a typed
/// <see cref="DendriteOutcome{T}"/> rather than thrown (only the caller's own cancellation throws).
/// </summary>
public sealed class Dendrite : IDisposable
{
    /// <summary>A CPython object size typical of these synapses (the spec's example); nobody checks it.</summary>
    private const long PythonTotalSize = 3056;

    private readonly Sr25519Keypair _hotkey;
    private readonly DendriteOptions _options;
    private readonly AxonAddressPolicy _addressPolicy;
    private readonly TimeProvider _time;
    private readonly RandomNumberGenerator? _rng;
    private readonly NonceClock _nonces;
    private readonly HttpClient _http;

    /// <param name="rng">Signature randomness; null uses the OS CSPRNG (pass a fixed source only in specs).</param>
    /// <param name="uuid">The dendrite uuid; null makes a fresh one.</param>
    public Dendrite(Sr25519Keypair hotkey, DendriteOptions options, AxonAddressPolicy addressPolicy,
        TimeProvider? time = null, RandomNumberGenerator? rng = null, string? uuid = null)
    {
        ArgumentNullException.ThrowIfNull(hotkey);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(addressPolicy);
        options.Validate();
        _hotkey = hotkey;
        _options = options;
        _addressPolicy = addressPolicy;
        _time = time ?? TimeProvider.System;
        _rng = rng;
        _nonces = new NonceClock(_time);
        Hotkey = Ss58.Encode(hotkey.PublicKey);
        Uuid = uuid ?? Guid.NewGuid().ToString();
        _http = new HttpClient(new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            UseProxy = false,
            UseCookies = false,
            AutomaticDecompression = DecompressionMethods.None,
            MaxResponseHeadersLength = 64,
            PooledConnectionIdleTimeout = TimeSpan.FromSeconds(30),
        })
        {
            Timeout = System.Threading.Timeout.InfiniteTimeSpan, // each call has its own, on the injected clock
        };
    }

    /// <summary>The miner hotkey's SS58 address.</summary>
    public string Hotkey { get; }

    public string Uuid { get; }

    public Task<DendriteOutcome<PullTask>> PullTaskAsync(AxonTarget validator, CancellationToken cancellation = default) =>
        CallAsync(validator, new PullTask(), _options.PullTimeout, cancellation);

    /// <summary>
    /// Submits <paramref name="spz"/> (SPZ bytes, sent as base64) for <paramref name="task"/>, signed with the licence
    /// declaration. Empty <paramref name="spz"/> declines the task, which costs no cooldown penalty.
    /// </summary>
    public Task<DendriteOutcome<SubmitResults>> SubmitResultsAsync(
        AxonTarget validator, ProtocolTask task, ReadOnlyMemory<byte> spz, CancellationToken cancellation = default) =>
        CallAsync(validator, Submission(validator, task, spz), _options.SubmitTimeout, cancellation);

    public Task<DendriteOutcome<SubmitResults>> DeclineTaskAsync(AxonTarget validator, ProtocolTask task, CancellationToken cancellation = default) =>
        SubmitResultsAsync(validator, task, ReadOnlyMemory<byte>.Empty, cancellation);

    public Task<DendriteOutcome<GetVersion>> GetVersionAsync(AxonTarget validator, CancellationToken cancellation = default) =>
        CallAsync(validator, new GetVersion(), _options.GetVersionTimeout, cancellation);

    /// <summary>The base synapse every axon serves: a signed round trip with no subnet logic.</summary>
    public Task<DendriteOutcome<PingSynapse>> PingAsync(AxonTarget validator, CancellationToken cancellation = default) =>
        CallAsync(validator, new PingSynapse(), _options.GetVersionTimeout, cancellation);

    /// <summary>The <see cref="SubmitResults"/> a submission sends: task id, base64 results, submit time and licence signature.</summary>
    public SubmitResults Submission(AxonTarget validator, ProtocolTask task, ReadOnlyMemory<byte> spz)
    {
        ArgumentNullException.ThrowIfNull(validator);
        ArgumentNullException.ThrowIfNull(task);
        var submitTime = NonceClock.UnixNanoseconds(_time);
        return new SubmitResults
        {
            TaskId = task.Id,
            Results = spz.IsEmpty ? "" : Convert.ToBase64String(spz.Span),
            SubmitTime = submitTime,
            Signature = LicenseDeclaration.Sign(_hotkey, submitTime, task.Prompt, validator.Hotkey, _rng),
        };
    }

    public async Task<DendriteOutcome<T>> CallAsync<T>(AxonTarget target, T synapse, TimeSpan timeout, CancellationToken cancellation = default)
        where T : Synapse
    {
        ArgumentNullException.ThrowIfNull(target);
        var verdict = _addressPolicy.Evaluate(target.Address);
        if (!verdict.Allowed || target.Port is <= 0 or > ushort.MaxValue)
        {
            var reason = verdict.Allowed ? $"port {target.Port} is not a TCP port" : verdict.Reason;
            return new DendriteOutcome<T>(DendriteStatus.AddressRefused, null, $"not calling {target}: {reason}", null, TimeSpan.Zero);
        }
        return await SendAsync<T>(Prepare(synapse, target, timeout), cancellation).ConfigureAwait(false);
    }

    /// <summary>Fills in the per-request values (timeout, terminals, nonce, signature) and builds the exact request.</summary>
    public DendriteRequest Prepare(Synapse synapse, AxonTarget target, TimeSpan timeout)
    {
        ArgumentNullException.ThrowIfNull(synapse);
        ArgumentNullException.ThrowIfNull(target);
        var nonce = _nonces.Next();
        var message = string.Join('.', nonce.ToString(CultureInfo.InvariantCulture), Hotkey, target.Hotkey, Uuid, SynapseHeaders.EmptyBodyHash);
        var signature = "0x" + Convert.ToHexStringLower(_hotkey.Sign(Encoding.UTF8.GetBytes(message), _rng));
        var targetIp = target.Address.ToString();
        var ready = synapse with
        {
            Timeout = timeout.TotalSeconds,
            TotalSize = synapse.TotalSize != 0 ? synapse.TotalSize : PythonTotalSize,
            HeaderSize = 0,
            ComputedBodyHash = "",
            Dendrite = new TerminalInfo
            {
                Ip = _options.ExternalIp, Version = SynapseHeaders.SdkVersion, Nonce = nonce, Uuid = Uuid, Hotkey = Hotkey, Signature = signature,
            },
            Axon = new TerminalInfo { Ip = targetIp, Port = target.Port, Hotkey = target.Hotkey },
        };
        // bittensor's quirk: a validator on the miner's own public address is reached through 0.0.0.0.
        var host = targetIp == _options.ExternalIp && targetIp != "0.0.0.0" ? "0.0.0.0" : targetIp;
        var url = new UriBuilder(Uri.UriSchemeHttp, host, target.Port, "/" + synapse.Name).Uri;
        return new DendriteRequest(synapse.Name, url, SynapseHeaders.For(ready), ProtocolJson.Serialize(ready), message, timeout);
    }

    /// <summary>
    /// Sends a prepared request as is, without the address-policy check (specs use it to replay one), and reads
    /// the answer as a <typeparamref name="T"/>.
    /// </summary>
    public async Task<DendriteOutcome<T>> SendAsync<T>(DendriteRequest request, CancellationToken cancellation = default) where T : Synapse
    {
        ArgumentNullException.ThrowIfNull(request);
        var started = _time.GetTimestamp();
        using var deadline = new CancellationTokenSource(request.Timeout, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellation, deadline.Token);
        DendriteOutcome<T> Failure(DendriteStatus status, string message) => new(status, null, message, null, _time.GetElapsedTime(started));
        try
        {
            using var message = request.ToHttpRequestMessage();
            using var response = await _http.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, linked.Token).ConfigureAwait(false);
            var body = await DendriteResponseReader.ReadBodyAsync(response, _options.MaxResponseBytes, linked.Token).ConfigureAwait(false);
            return DendriteResponseReader.Interpret<T>((int)response.StatusCode, body, _options.MaxResponseBytes, _time.GetElapsedTime(started));
        }
        catch (OperationCanceledException) when (!cancellation.IsCancellationRequested && deadline.IsCancellationRequested)
        {
            return Failure(DendriteStatus.Timeout, $"Request timeout after {PythonFloat.Repr(request.Timeout.TotalSeconds)} seconds");
        }
        catch (HttpRequestException error) when (!cancellation.IsCancellationRequested)
        {
            return Failure(DendriteStatus.Unavailable, $"Service unavailable at {request.Url.Authority}/{request.SynapseName}: {error.Message}");
        }
        catch (IOException error) when (!cancellation.IsCancellationRequested)
        {
            return Failure(DendriteStatus.Unavailable, $"Service disconnected: {error.Message}");
        }
    }

    public void Dispose() => _http.Dispose();
}
