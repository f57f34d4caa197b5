using Miner.Models.Bittensor.Wire;
using Miner.Models.Protocol;
using Miner.Specs.TestKit;

namespace Miner.Specs.Bittensor.Wire;

/// <summary>Alice's dendrite against Bob's axon hosted on loopback by the Kestrel adapter: answers and every refusal.</summary>
public sealed class DendriteRoundTripSpecs
{
    private static readonly ProtocolTask Apple = ProtocolTask.Text("t1", "a red apple");
    private static readonly byte[] Spz = [0x4e, 0x47, 0x53, 0x50, 1, 2, 3];

    [Fact]
    public async Task A_pull_returns_the_validators_task_and_throttle_period()
    {
        await using var axon = await LoopbackAxon.StartAsync(p => p.Attach<PullTask>((pull, _) =>
            ValueTask.FromResult(pull with { Task = Apple, ThrottlePeriod = 30 })));
        var outcome = await axon.Dendrite.PullTaskAsync(axon.Target);
        Assert.Equal((DendriteStatus.Ok, 200), (outcome.Status, outcome.HttpStatus));
        Assert.Equal((Apple, 30L, 200), (outcome.Synapse!.Task, outcome.Synapse.ThrottlePeriod, outcome.Synapse.Axon.StatusCode));
    }

    [Fact]
    public async Task A_submission_arrives_with_the_spz_bytes_and_a_licence_signature_the_validator_accepts()
    {
        SubmitResults? received = null;
        await using var axon = await LoopbackAxon.StartAsync(p => p.Attach<SubmitResults>((submit, _) =>
        {
            received = submit;
            return ValueTask.FromResult(submit with { Results = "", Signature = "", Feedback = new Feedback { TaskFidelityScore = 0.8 }, CooldownUntil = 1735689900 });
        }));
        var outcome = await axon.Dendrite.SubmitResultsAsync(axon.Target, Apple, Spz);
        Assert.Equal(Spz, Convert.FromBase64String(received!.Results));
        Assert.True(LicenseDeclaration.Verify(received.Signature, received.SubmitTime, Apple.Prompt, received.Axon.Hotkey!, received.Dendrite.Hotkey!));
        Assert.Equal((0.8, 1735689900L), (outcome.Synapse!.Feedback!.TaskFidelityScore, outcome.Synapse.CooldownUntil));
    }

    [Fact]
    public async Task A_declined_task_arrives_with_empty_results()
    {
        SubmitResults? received = null;
        await using var axon = await LoopbackAxon.StartAsync(p => p.Attach<SubmitResults>((submit, _) =>
        {
            received = submit;
            return ValueTask.FromResult(submit);
        }));
        Assert.True((await axon.Dendrite.DeclineTaskAsync(axon.Target, Apple)).IsOk);
        Assert.Equal(("", "t1"), (received!.Results, received.TaskId));
    }

    [Fact]
    public async Task Get_version_returns_the_validators_versions()
    {
        await using var axon = await LoopbackAxon.StartAsync(p => p.Attach<GetVersion>((version, _) =>
            ValueTask.FromResult(version with { Version = 45, ValidationVersion = "2.3.0" })));
        var outcome = await axon.Dendrite.GetVersionAsync(axon.Target);
        Assert.Equal((45L, "2.3.0"), (outcome.Synapse!.Version, outcome.Synapse.ValidationVersion));
    }

    [Fact]
    public async Task A_ping_of_the_base_synapse_succeeds()
    {
        await using var axon = await LoopbackAxon.StartAsync(_ => { });
        Assert.True((await axon.Dendrite.PingAsync(axon.Target)).IsOk);
    }

    [Fact]
    public async Task A_request_signed_for_another_hotkey_is_unverified()
    {
        await using var axon = await LoopbackAxon.StartAsync(Echo);
        var outcome = await axon.Dendrite.PullTaskAsync(axon.Target with { Hotkey = KnownKeys.AliceSs58 });
        Assert.Equal((DendriteStatus.Unverified, 401), (outcome.Status, outcome.HttpStatus));
        Assert.StartsWith("Not Verified with error: Signature mismatch with ", outcome.Message);
    }

    [Fact]
    public async Task A_stale_nonce_is_unverified()
    {
        var axonTime = new ManualTimeProvider(ManualTimeProvider.NewYear2025.AddSeconds(30));
        await using var axon = await LoopbackAxon.StartAsync(Echo, axonTime: axonTime);
        var outcome = await axon.Dendrite.PullTaskAsync(axon.Target);
        Assert.Equal(DendriteStatus.Unverified, outcome.Status);
        Assert.Equal("Not Verified with error: Nonce is too old: acceptable delta is 16.00 seconds but request was 30.00 seconds old", outcome.Message);
    }

    [Fact]
    public async Task A_replayed_request_is_unverified()
    {
        await using var axon = await LoopbackAxon.StartAsync(Echo);
        var request = axon.Dendrite.Prepare(new PullTask(), axon.Target, TimeSpan.FromSeconds(12));
        Assert.True((await axon.Dendrite.SendAsync<PullTask>(request)).IsOk);
        var replay = await axon.Dendrite.SendAsync<PullTask>(request);
        Assert.Equal((DendriteStatus.Unverified, "Not Verified with error: Nonce is too old, a newer one was last processed"), (replay.Status, replay.Message));
    }

    [Fact]
    public async Task A_synapse_the_axon_does_not_serve_is_not_found()
    {
        await using var axon = await LoopbackAxon.StartAsync(Echo);
        var outcome = await axon.Dendrite.GetVersionAsync(axon.Target);
        Assert.Equal((DendriteStatus.NotFound, 404), (outcome.Status, outcome.HttpStatus));
        Assert.Equal("Synapse name 'GetVersion' not found. Available synapses ['Synapse', 'PullTask']", outcome.Message);
    }

    [Fact]
    public async Task A_blacklisted_hotkey_is_blacklisted_with_the_validators_reason()
    {
        await using var axon = await LoopbackAxon.StartAsync(p => p.Attach<SubmitResults>((s, _) => ValueTask.FromResult(s),
            _ => BlacklistDecision.Refuse("[7] submitted results while having no task assigned")));
        var outcome = await axon.Dendrite.SubmitResultsAsync(axon.Target, Apple, Spz);
        Assert.Equal((DendriteStatus.Blacklisted, 403), (outcome.Status, outcome.HttpStatus));
        Assert.Equal("Forbidden. Key is blacklisted: [7] submitted results while having no task assigned.", outcome.Message);
    }

    [Fact]
    public async Task An_oversized_submission_is_refused_as_payload_too_large()
    {
        await using var axon = await LoopbackAxon.StartAsync(p => p.Attach<SubmitResults>((s, _) => ValueTask.FromResult(s)),
            new AxonOptions { MaxRequestBytes = 4096 });
        var outcome = await axon.Dendrite.SubmitResultsAsync(axon.Target, Apple, new byte[8192]);
        Assert.Equal((DendriteStatus.PayloadTooLarge, 413), (outcome.Status, outcome.HttpStatus));
        Assert.Matches("^Request body of [0-9]+ bytes exceeds the limit of 4096 bytes$", outcome.Message);
    }

    [Fact]
    public async Task A_malformed_json_body_is_unprocessable()
    {
        await using var axon = await LoopbackAxon.StartAsync(Echo);
        var request = axon.Dendrite.Prepare(new PullTask(), axon.Target, TimeSpan.FromSeconds(12)) with { Body = "{\"name\": "u8.ToArray() };
        var outcome = await axon.Dendrite.SendAsync<PullTask>(request);
        Assert.Equal((DendriteStatus.Unprocessable, 422), (outcome.Status, outcome.HttpStatus));
        Assert.Contains("json_invalid", outcome.Message);
    }

    [Fact]
    public async Task Missing_input_object_headers_are_a_bad_request()
    {
        await using var axon = await LoopbackAxon.StartAsync(p => p.Attach<SubmitResults>((s, _) => ValueTask.FromResult(s)));
        var request = axon.Dendrite.Prepare(axon.Dendrite.Submission(axon.Target, Apple, Spz), axon.Target, TimeSpan.FromSeconds(300));
        request = request with { Headers = request.Headers.Where(h => !h.Key.StartsWith("bt_header_input_obj_", StringComparison.Ordinal)).ToList() };
        var outcome = await axon.Dendrite.SendAsync<SubmitResults>(request);
        Assert.Equal((DendriteStatus.BadRequest, 400), (outcome.Status, outcome.HttpStatus));
        Assert.StartsWith("Improperly formatted request. Could not parse headers Headers({", outcome.Message);
    }

    [Fact]
    public async Task A_failing_handler_is_a_server_error_with_the_validators_message()
    {
        await using var axon = await LoopbackAxon.StartAsync(p => p.Attach<PullTask>((_, _) => throw new InvalidOperationException("no tasks")));
        var outcome = await axon.Dendrite.PullTaskAsync(axon.Target);
        Assert.Equal((DendriteStatus.ServerError, 500), (outcome.Status, outcome.HttpStatus));
        Assert.Matches("^Internal Server Error #[0-9a-f-]{36}$", outcome.Message);
    }

    [Fact]
    public async Task A_validator_that_does_not_answer_within_the_pull_timeout_is_a_timeout()
    {
        var entered = new TaskCompletionSource();
        var release = new TaskCompletionSource();
        await using var axon = await LoopbackAxon.StartAsync(p => p.Attach<PullTask>(async (pull, _) =>
        {
            entered.SetResult();
            await release.Task;
            return pull;
        }));
        try
        {
            var call = axon.Dendrite.PullTaskAsync(axon.Target);
            await entered.Task;
            axon.DendriteTime.Advance(TimeSpan.FromSeconds(12));
            var outcome = await call;
            Assert.Equal((DendriteStatus.Timeout, null, "Request timeout after 12.0 seconds"), (outcome.Status, outcome.HttpStatus, outcome.Message));
        }
        finally
        {
            release.SetResult();
        }
    }

    private static void Echo(AxonPipeline pipeline) => pipeline.Attach<PullTask>((pull, _) => ValueTask.FromResult(pull));
}
