using System.Globalization;
using Miner.Models.Bittensor.Keys;

namespace Miner.Host.Devnet;

/// <summary>
/// The local devnet: N validators (uids 0..N-1, dev hotkeys from the seed) on loopback axons, the metagraph file
/// describing them, a registry of miners they recognise (uids from N on), and their statistics. Start with
/// <see cref="StartAsync"/>; dispose to stop every axon.
/// </summary>
public sealed class DevnetNetwork : IAsyncDisposable
{
    private readonly List<DevnetValidatorHost> _hosts;

    private DevnetNetwork(DevnetOptions options, DevnetMinerRegistry miners, List<DevnetValidatorHost> hosts, DevnetMetagraph metagraph,
        DevnetTaskBook tasks)
    {
        Options = options;
        Tasks = tasks;
        Miners = miners;
        _hosts = hosts;
        Metagraph = metagraph;
    }

    public DevnetOptions Options { get; }

    public DevnetMinerRegistry Miners { get; }

    public IReadOnlyList<DevnetValidatorHost> Validators => _hosts;

    public DevnetMetagraph Metagraph { get; }

    /// <summary>Tasks handed out and settled across every validator.</summary>
    public DevnetTaskBook Tasks { get; }

    /// <summary>Where the metagraph file was written.</summary>
    public string MetagraphPath => Path.GetFullPath(Options.MetagraphFile);

    /// <param name="scorer">Scores submissions; null uses <see cref="DevnetProxyScorer"/> with <see cref="DevnetOptions.Scoring"/>.</param>
    /// <param name="time">The validators' clock (cooldowns, nonces, latency); null is the system clock.</param>
    /// <param name="tasks">Shared by the validators: a limit there caps the tasks they hand out in all; null hands out without end.</param>
    /// <param name="tasksPerValidator">Caps the tasks each validator hands out (`devnet validators`); null: no cap of its own.</param>
    /// <param name="miners">Hotkeys (SS58) registered before the metagraph file is written, so the file lists them with their uids.</param>
    public static async Task<DevnetNetwork> StartAsync(DevnetOptions options, TimeProvider? time = null, ISubmissionScorer? scorer = null,
        DevnetTaskBook? tasks = null, CancellationToken cancellation = default, int? tasksPerValidator = null, IReadOnlyList<string>? miners = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        time ??= TimeProvider.System;
        scorer ??= new DevnetProxyScorer(options.Scoring);
        tasks ??= new DevnetTaskBook();
        var registry = new DevnetMinerRegistry(firstUid: options.Validators);
        foreach (var hotkey in miners ?? []) registry.Register(hotkey);
        var hosts = new List<DevnetValidatorHost>();
        try
        {
            for (var uid = 0; uid < options.Validators; uid++)
            {
                var hotkey = Ss58.Encode(DevnetKeys.Validator(options.Seed, uid).PublicKey);
                var behaviour = options.BehaviourOf(uid);
                var source = new DevnetTaskSource(options.Tasks, Derive(options.Seed, uid, 1));
                var validator = new DevnetValidator(uid, hotkey, options.RulesOf(uid), behaviour.Acceptance, registry, source, scorer, time, tasks,
                    tasksPerValidator);
                var port = options.BasePort == 0 ? 0 : options.BasePort + uid;
                hosts.Add(await DevnetValidatorHost.StartAsync(validator, behaviour, options.Host, port, Derive(options.Seed, uid, 2), time, cancellation)
                    .ConfigureAwait(false));
            }
            var stake = options.ValidatorStakeTao;
            var metagraph = new DevnetMetagraph(options.Netuid, hosts.Select(h =>
                new DevnetMetagraphValidator(h.Validator.Uid, h.Validator.Hotkey, stake, h.Target.Address.ToString(), h.Target.Port, Serving: true)).ToArray())
            {
                Miners = registry.Registered.OrderBy(m => m.Value).Select(m => new DevnetMetagraphMiner(m.Value, m.Key)).ToArray(),
            };
            DevnetMetagraphFile.Write(options.MetagraphFile, metagraph);
            return new DevnetNetwork(options, registry, hosts, metagraph, tasks);
        }
        catch
        {
            foreach (var host in hosts) await host.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Makes <paramref name="hotkey"/> (SS58) a registered miner every validator recognises; returns its uid.</summary>
    public int RegisterMiner(string hotkey) => Miners.Register(hotkey);

    public IReadOnlyList<DevnetValidatorStatus> Status() =>
        _hosts.Select(h => new DevnetValidatorStatus(h.Validator.Uid, h.Validator.Hotkey, h.Target.Port, Describe(h.Behaviour), h.Validator.Stats.Snapshot()))
            .ToArray();

    public async ValueTask DisposeAsync()
    {
        foreach (var host in _hosts) await host.DisposeAsync().ConfigureAwait(false);
        _hosts.Clear();
    }

    /// <summary>A short description of what sets a validator apart, for status tables ("normal" when nothing does).</summary>
    public static string Describe(DevnetBehaviourOptions behaviour)
    {
        ArgumentNullException.ThrowIfNull(behaviour);
        var parts = new List<string>();
        if (behaviour.Hanging) parts.Add("hanging");
        if (behaviour.Acceptance == DevnetAcceptance.ScoreZero) parts.Add("never accepts");
        if (behaviour.Acceptance == DevnetAcceptance.FailValidation) parts.Add("validation fails");
        if (behaviour.FlakyErrorRate > 0) parts.Add(string.Create(CultureInfo.InvariantCulture, $"flaky {behaviour.FlakyErrorRate:P0}"));
        if (behaviour.ResponseLatency > TimeSpan.Zero) parts.Add($"latency {behaviour.ResponseLatency.TotalMilliseconds:F0} ms");
        if (behaviour.TaskCooldown is { } cooldown) parts.Add($"cooldown {cooldown.TotalSeconds:F0} s");
        if (behaviour.ThrottlePeriod is { } throttle) parts.Add($"throttle {throttle.TotalSeconds:F0} s");
        return parts.Count == 0 ? "normal" : string.Join(", ", parts);
    }

    /// <summary>A per-validator seed that depends only on the devnet seed (HashCode is randomised per process).</summary>
    private static int Derive(int seed, int uid, int purpose) => unchecked(seed * 7919 + uid * 104729 + purpose * 31);
}
