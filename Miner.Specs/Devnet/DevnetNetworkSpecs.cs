using Miner.Host.Devnet;
using Miner.Models.Bittensor.Chain;
using Miner.Models.Bittensor.Keys;
using Miner.Models.Bittensor.Wire;
using Miner.Models.Protocol;
using Miner.Specs.Configuration;
using Miner.Specs.TestKit;

namespace Miner.Specs.Devnet;

/// <summary>A real dendrite against devnet validators hosted on loopback axons (signatures, nonces and all).</summary>
public sealed class DevnetNetworkSpecs : IDisposable
{
    private readonly TempDirectory _folder = new();
    private readonly ManualTimeProvider _time = new(ManualTimeProvider.NewYear2025);

    public void Dispose() => _folder.Dispose();

    private DevnetOptions Options(int validators = 2, params DevnetBehaviourOptions[] behaviours) => new()
    {
        Validators = validators,
        Seed = 5,
        MetagraphFile = Path.Combine(_folder.Path, "devnet", "metagraph.json"),
        Tasks = new DevnetTaskOptions { TextShare = 1.0 },
        Behaviours = [.. behaviours],
    };

    private Dendrite MinerDendrite(DevnetNetwork network, bool register = true)
    {
        var key = DevnetKeys.Miner(5);
        if (register) network.RegisterMiner(Ss58.Encode(key.PublicKey));
        return new Dendrite(key, new DendriteOptions(), new AxonAddressPolicy(allowLoopback: true), _time);
    }

    [Fact]
    public async Task A_real_dendrite_pulls_a_task_from_a_devnet_validator_on_loopback()
    {
        await using var network = await DevnetNetwork.StartAsync(Options(), _time);
        using var dendrite = MinerDendrite(network);
        var outcome = await dendrite.PullTaskAsync(network.Validators[0].Target);
        Assert.Equal(DendriteStatus.Ok, outcome.Status);
        Assert.Equal((TaskKind.Text, 0.6, 30L), (outcome.Synapse!.Task!.Kind, outcome.Synapse.ValidationThreshold, outcome.Synapse.ThrottlePeriod));
        Assert.Contains(outcome.Synapse.Task.Prompt, DevnetPrompts.All);
    }

    [Fact]
    public async Task A_real_dendrite_submits_a_valid_cloud_and_gets_accepted_feedback()
    {
        await using var network = await DevnetNetwork.StartAsync(Options(), _time);
        using var dendrite = MinerDendrite(network);
        var target = network.Validators[1].Target;
        var task = (await dendrite.PullTaskAsync(target)).Synapse!.Task!;
        _time.Advance(TimeSpan.FromSeconds(12));
        var outcome = await dendrite.SubmitResultsAsync(target, task, Convert.FromBase64String(DevnetSamples.Base64Spz(DevnetSamples.Object().Cloud)));
        Assert.Equal(DendriteStatus.Ok, outcome.Status);
        Assert.Equal((0.8, _time.GetUtcNow().ToUnixTimeSeconds() + 288), (outcome.Synapse!.Feedback!.TaskFidelityScore, outcome.Synapse.CooldownUntil));
        var stats = network.Status()[1].Stats;
        Assert.Equal((1L, 1L, 1L, 0L), (stats.Pulls, stats.Submissions, stats.Accepted, stats.Failed));
    }

    [Fact]
    public async Task An_image_task_answered_with_its_own_object_is_accepted_over_the_wire()
    {
        var options = Options(1);
        options.Tasks = new DevnetTaskOptions { TextShare = 0, ImageSize = 128, ObjectGaussians = 8000 };
        await using var network = await DevnetNetwork.StartAsync(options, _time);
        using var dendrite = MinerDendrite(network);
        var target = network.Validators[0].Target;
        var task = (await dendrite.PullTaskAsync(target)).Synapse!.Task!;
        var subject = network.Validators[0].Validator.MinerState(dendrite.Hotkey)!.AssignedTask!.Reference!;
        var outcome = await dendrite.SubmitResultsAsync(target, task, Convert.FromBase64String(DevnetSamples.Base64Spz(subject.Cloud)));
        Assert.Equal(TaskKind.Image, task.Kind);
        Assert.True(outcome.Synapse!.Feedback!.TaskFidelityScore >= 0.8, outcome.Synapse.Feedback.ToString());
    }

    [Fact]
    public async Task A_request_signed_for_another_validator_is_refused_as_unverified()
    {
        await using var network = await DevnetNetwork.StartAsync(Options(), _time);
        using var dendrite = MinerDendrite(network);
        var wrong = network.Validators[0].Target with { Hotkey = network.Validators[1].Validator.Hotkey };
        var outcome = await dendrite.PullTaskAsync(wrong);
        Assert.Equal((DendriteStatus.Unverified, 401), (outcome.Status, outcome.HttpStatus));
        Assert.Equal(0L, network.Status()[0].Stats.Pulls);
    }

    [Fact]
    public async Task A_tampered_signature_is_refused_as_unverified()
    {
        await using var network = await DevnetNetwork.StartAsync(Options(), _time);
        using var dendrite = MinerDendrite(network);
        var request = dendrite.Prepare(new PullTask(), network.Validators[0].Target, TimeSpan.FromSeconds(12));
        var headers = request.Headers.Select(h => h.Key == "bt_header_dendrite_signature"
            ? new KeyValuePair<string, string>(h.Key, "0x" + new string('a', 128)) : h).ToList();
        var outcome = await dendrite.SendAsync<PullTask>(request with { Headers = headers });
        Assert.Equal((DendriteStatus.Unverified, 401), (outcome.Status, outcome.HttpStatus));
    }

    [Fact]
    public async Task A_submission_with_no_task_assigned_is_blacklisted_in_the_validators_words()
    {
        await using var network = await DevnetNetwork.StartAsync(Options(), _time);
        using var dendrite = MinerDendrite(network);
        var outcome = await dendrite.DeclineTaskAsync(network.Validators[0].Target, ProtocolTask.Text("t", "a red apple"));
        Assert.Equal((DendriteStatus.Blacklisted, 403), (outcome.Status, outcome.HttpStatus));
        Assert.Equal("Forbidden. Key is blacklisted: [2] submitted results while having no task assigned. It could happen if validator restarts or miner faults.",
            outcome.Message);
    }

    [Fact]
    public async Task An_unregistered_miner_is_told_to_come_back_in_an_hour()
    {
        await using var network = await DevnetNetwork.StartAsync(Options(), _time);
        using var dendrite = MinerDendrite(network, register: false);
        var outcome = await dendrite.PullTaskAsync(network.Validators[0].Target);
        Assert.Equal((null, _time.GetUtcNow().ToUnixTimeSeconds() + 3600), (outcome.Synapse!.Task, outcome.Synapse.CooldownUntil));
    }

    [Fact]
    public async Task The_metagraph_file_lists_every_validator_with_its_dev_hotkey_stake_and_port()
    {
        await using var network = await DevnetNetwork.StartAsync(Options(validators: 3), _time);
        var file = DevnetMetagraphFile.Read(network.MetagraphPath);
        Assert.Equal(17, file.Netuid);
        Assert.Equal([0, 1, 2], file.Validators.Select(v => v.Uid));
        Assert.Equal(Enumerable.Range(0, 3).Select(uid => Ss58.Encode(DevnetKeys.Validator(5, uid).PublicKey)), file.Validators.Select(v => v.Hotkey));
        Assert.Equal(network.Validators.Select(v => v.Target.Port), file.Validators.Select(v => v.Port));
        Assert.All(file.Validators, v => Assert.Equal(("127.0.0.1", 10_000.0, true), (v.Ip, v.Stake, v.Serving)));
    }

    [Fact]
    public async Task A_flaky_validator_answers_500_at_its_configured_rate()
    {
        await using var network = await DevnetNetwork.StartAsync(Options(1, new DevnetBehaviourOptions { Uid = 0, FlakyErrorRate = 1.0 }), _time);
        using var dendrite = MinerDendrite(network);
        var outcome = await dendrite.PullTaskAsync(network.Validators[0].Target);
        Assert.Equal((DendriteStatus.ServerError, 500), (outcome.Status, outcome.HttpStatus));
        Assert.Equal((1L, 0L), (network.Status()[0].Stats.InjectedErrors, network.Status()[0].Stats.Pulls));
    }

    [Fact]
    public async Task A_hanging_validator_never_answers_and_the_caller_times_out()
    {
        await using var network = await DevnetNetwork.StartAsync(Options(1, new DevnetBehaviourOptions { Uid = 0, Hanging = true }), _time);
        using var dendrite = MinerDendrite(network);
        var call = dendrite.PullTaskAsync(network.Validators[0].Target);
        for (var i = 0; i < 500 && network.Status()[0].Stats.Hung == 0; i++) await Task.Delay(10); // real sockets: wait for arrival
        Assert.False(call.IsCompleted);
        _time.Advance(TimeSpan.FromSeconds(13));
        Assert.Equal(DendriteStatus.Timeout, (await call).Status);
    }

    [Fact]
    public async Task A_slow_validator_answers_after_its_response_latency()
    {
        var slow = new DevnetBehaviourOptions { Uid = 0, ResponseLatency = TimeSpan.FromMilliseconds(200) };
        var validatorTime = new TimerCountingTime(_time);
        await using var network = await DevnetNetwork.StartAsync(Options(1, slow), validatorTime);
        using var dendrite = MinerDendrite(network);
        var call = dendrite.PullTaskAsync(network.Validators[0].Target);
        for (var i = 0; i < 500 && validatorTime.TimersCreated == 0; i++) await Task.Delay(10); // real sockets: wait until the delay is armed
        _time.Advance(TimeSpan.FromMilliseconds(199));
        Assert.False(call.IsCompleted);
        _time.Advance(TimeSpan.FromMilliseconds(1));
        Assert.Equal(DendriteStatus.Ok, (await call.WaitAsync(TimeSpan.FromSeconds(30))).Status);
    }

    [Fact]
    public async Task A_stopped_devnet_no_longer_answers()
    {
        var network = await DevnetNetwork.StartAsync(Options(1), _time);
        using var dendrite = MinerDendrite(network);
        var target = network.Validators[0].Target;
        await network.DisposeAsync();
        Assert.Equal(DendriteStatus.Unavailable, (await dendrite.PullTaskAsync(target)).Status);
    }

    /// <summary>The shared manual clock, counting the timers the validators arm (their latency delays).</summary>
    private sealed class TimerCountingTime(ManualTimeProvider inner) : TimeProvider
    {
        private int _timers;

        public int TimersCreated => Volatile.Read(ref _timers);

        public override DateTimeOffset GetUtcNow() => inner.GetUtcNow();

        public override long TimestampFrequency => inner.TimestampFrequency;

        public override long GetTimestamp() => inner.GetTimestamp();

        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
        {
            var timer = inner.CreateTimer(callback, state, dueTime, period);
            Interlocked.Increment(ref _timers);
            return timer;
        }
    }
}
