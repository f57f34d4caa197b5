using System.Net;
using Miner.Host.Axon;
using Miner.Models.Bittensor.Wire;
using Miner.Models.Protocol;

namespace Miner.Host.Devnet;

/// <summary>
/// One devnet validator on a loopback port: a real axon (<see cref="AxonPipeline"/> on Kestrel through
/// <see cref="AxonHost"/>, so nonces and signatures are checked) serving PullTask and SubmitResults from a
/// <see cref="DevnetValidator"/>, with the configured misbehaviour applied before the rules run: latency, injected
/// 500s, or never answering.
/// </summary>
public sealed class DevnetValidatorHost : IAsyncDisposable
{
    private readonly AxonHost _axon;
    private readonly CancellationTokenSource _stopping;

    private readonly IPAddress _address;

    private DevnetValidatorHost(DevnetValidator validator, DevnetBehaviourOptions behaviour, AxonHost axon, IPAddress address, CancellationTokenSource stopping)
    {
        _address = address;
        Validator = validator;
        Behaviour = behaviour;
        _axon = axon;
        _stopping = stopping;
    }

    public DevnetValidator Validator { get; }

    public DevnetBehaviourOptions Behaviour { get; }

    /// <summary>The bound address (the real port when 0 was asked for).</summary>
    public Uri Address => _axon.Address;

    /// <summary>Where a dendrite calls this validator.</summary>
    public AxonTarget Target => new(_address, _axon.Address.Port, Validator.Hotkey);

    /// <param name="seed">Seeds the injected failures.</param>
    public static async Task<DevnetValidatorHost> StartAsync(DevnetValidator validator, DevnetBehaviourOptions behaviour, string host, int port,
        int seed, TimeProvider time, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(validator);
        ArgumentNullException.ThrowIfNull(behaviour);
        ArgumentNullException.ThrowIfNull(time);
        var stopping = new CancellationTokenSource();
        var misbehaviour = new Misbehaviour(behaviour, validator.Stats, new Random(seed), time, stopping.Token);
        var options = new AxonOptions { Host = host, Port = port };
        var pipeline = new AxonPipeline(validator.Hotkey, options, time);
        pipeline.Attach<PullTask>(async (pull, requestAborted) =>
        {
            await misbehaviour.BeforeAnswerAsync(requestAborted).ConfigureAwait(false);
            return validator.Pull(pull);
        });
        pipeline.Attach<SubmitResults>(async (submit, requestAborted) =>
        {
            await misbehaviour.BeforeAnswerAsync(requestAborted).ConfigureAwait(false);
            return await validator.SubmitAsync(submit, requestAborted).ConfigureAwait(false);
        }, validator.BlacklistSubmission);
        try
        {
            var axon = await AxonHost.StartAsync(pipeline, options, cancellation: cancellation).ConfigureAwait(false);
            return new DevnetValidatorHost(validator, behaviour, axon, IPAddress.Parse(host), stopping);
        }
        catch
        {
            stopping.Dispose();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync().ConfigureAwait(false); // releases hanging requests before Kestrel drains
        await _axon.DisposeAsync().ConfigureAwait(false);
        _stopping.Dispose();
    }

    private sealed class Misbehaviour(DevnetBehaviourOptions behaviour, DevnetValidatorStats stats, Random random, TimeProvider time, CancellationToken stopping)
    {
        private readonly Lock _gate = new();

        public async Task BeforeAnswerAsync(CancellationToken requestAborted)
        {
            stats.Request();
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(requestAborted, stopping);
            if (behaviour.Hanging)
            {
                stats.Hung();
                await Task.Delay(Timeout.InfiniteTimeSpan, time, linked.Token).ConfigureAwait(false);
            }
            if (behaviour.ResponseLatency > TimeSpan.Zero) await Task.Delay(behaviour.ResponseLatency, time, linked.Token).ConfigureAwait(false);
            bool fail;
            lock (_gate) fail = behaviour.FlakyErrorRate > 0 && random.NextDouble() < behaviour.FlakyErrorRate;
            if (!fail) return;
            stats.InjectedError();
            throw new InvalidOperationException($"devnet validator {behaviour.Uid}: injected flaky failure");
        }
    }
}
