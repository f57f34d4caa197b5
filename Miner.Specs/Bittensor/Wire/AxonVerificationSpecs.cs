using System.Text;
using Miner.Models.Bittensor.Wire;
using Miner.Models.Protocol;
using Miner.Specs.TestKit;
using static Miner.Specs.Bittensor.Wire.WireSamples;

namespace Miner.Specs.Bittensor.Wire;

/// <summary>Nonce and signature checks of the axon pipeline (bittensor's default_verify), all answering 401.</summary>
public sealed class AxonVerificationSpecs : IDisposable
{
    private readonly ManualTimeProvider _time = new(ManualTimeProvider.NewYear2025);
    private readonly Dendrite _alice;

    public AxonVerificationSpecs() => _alice = AliceDendrite(_time);

    public void Dispose() => _alice.Dispose();

    [Fact]
    public async Task A_correctly_signed_request_is_verified()
    {
        Assert.Equal(200, (await Axon().HandleAsync(Pull())).StatusCode);
    }

    [Fact]
    public async Task A_tampered_signature_is_401_signature_mismatch_quoting_message_and_signature()
    {
        var request = Pull().WithHeader("bt_header_dendrite_signature", "0x" + new string('1', 128));
        var response = await Axon().HandleAsync(request);
        Assert.Equal(401, response.StatusCode);
        Assert.Equal($"Not Verified with error: Signature mismatch with {Nonce}.{KnownKeys.AliceSs58}.{KnownKeys.BobSs58}.{Uuid}.{EmptyBodyHash} and 0x{new string('1', 128)}",
            response.Message());
    }

    [Fact]
    public async Task A_request_signed_for_another_validator_is_refused_because_the_axon_signs_in_its_own_hotkey()
    {
        var request = AxonRequests.From(_alice.Prepare(new PullTask(), Bob with { Hotkey = KnownKeys.AliceSs58 }, TimeSpan.FromSeconds(12)));
        var response = await Axon().HandleAsync(request);
        Assert.StartsWith("Not Verified with error: Signature mismatch with ", response.Message());
    }

    [Fact]
    public async Task A_nonce_older_than_four_seconds_plus_the_timeout_is_401_with_the_acceptable_delta()
    {
        var request = Pull();
        _time.Advance(TimeSpan.FromSeconds(20));
        var response = await Axon().HandleAsync(request);
        Assert.Equal(401, response.StatusCode);
        Assert.Equal("Not Verified with error: Nonce is too old: acceptable delta is 16.00 seconds but request was 20.00 seconds old", response.Message());
    }

    [Fact]
    public async Task A_nonce_within_four_seconds_plus_the_timeout_is_accepted()
    {
        var request = Pull();
        _time.Advance(TimeSpan.FromSeconds(15.9));
        Assert.Equal(200, (await Axon().HandleAsync(request)).StatusCode);
    }

    [Fact]
    public async Task A_nonce_from_the_future_is_accepted_as_bittensor_sets_no_upper_bound()
    {
        var axon = Axon(time: new ManualTimeProvider(ManualTimeProvider.NewYear2025));
        _time.Advance(TimeSpan.FromHours(1));
        Assert.Equal(200, (await axon.HandleAsync(Pull())).StatusCode);
    }

    [Fact]
    public async Task A_replayed_request_is_401_because_a_newer_nonce_was_last_processed()
    {
        var axon = Axon();
        var request = Pull();
        await axon.HandleAsync(request);
        var replay = await axon.HandleAsync(request);
        Assert.Equal(401, replay.StatusCode);
        Assert.Equal("Not Verified with error: Nonce is too old, a newer one was last processed", replay.Message());
    }

    [Fact]
    public async Task An_older_nonce_is_refused_after_a_newer_one_from_the_same_uuid()
    {
        var axon = Axon();
        var older = Pull();
        var newer = Pull();
        Assert.Equal(200, (await axon.HandleAsync(newer)).StatusCode);
        Assert.Equal(401, (await axon.HandleAsync(older)).StatusCode);
    }

    [Fact]
    public async Task Nonces_are_tracked_per_uuid()
    {
        var axon = Axon();
        using var other = new Dendrite(Alice, new DendriteOptions(), Models.Bittensor.Chain.AxonAddressPolicy.PublicOnly, _time);
        var fromOtherUuid = AxonRequests.From(other.Prepare(new PullTask(), Bob, TimeSpan.FromSeconds(12)));
        Assert.Equal(200, (await axon.HandleAsync(Pull())).StatusCode);
        Assert.Equal(200, (await axon.HandleAsync(fromOtherUuid)).StatusCode);
    }

    [Fact]
    public async Task A_refused_request_does_not_record_its_nonce()
    {
        var axon = Axon();
        var request = Pull();
        await axon.HandleAsync(request.WithHeader("bt_header_dendrite_signature", "0x" + new string('1', 128)));
        Assert.Equal(200, (await axon.HandleAsync(request)).StatusCode);
    }

    [Fact]
    public async Task A_dendrite_older_than_7_2_gets_only_the_monotonic_rule()
    {
        var request = Pull().WithHeader("bt_header_dendrite_version", "7001000");
        _time.Advance(TimeSpan.FromHours(1));
        Assert.Equal(200, (await Axon().HandleAsync(request)).StatusCode);
    }

    [Fact]
    public async Task A_missing_nonce_is_401_missing_nonce()
    {
        var response = await Axon().HandleAsync(Pull().WithHeader("bt_header_dendrite_nonce", null));
        Assert.Equal("Not Verified with error: Missing Nonce", response.Message());
    }

    [Fact]
    public async Task A_hotkey_that_is_not_ss58_is_401()
    {
        var response = await Axon().HandleAsync(Pull().WithHeader("bt_header_dendrite_hotkey", "5notanaddress"));
        Assert.Equal(401, response.StatusCode);
        Assert.Equal("Not Verified with error: Invalid SS58 address '5notanaddress'", response.Message());
    }

    [Fact]
    public async Task An_empty_signature_skips_the_check_as_bittensor_9_9_does()
    {
        Assert.Equal(200, (await Axon().HandleAsync(Pull().WithHeader("bt_header_dendrite_signature", null))).StatusCode);
    }

    [Fact]
    public async Task An_empty_signature_is_401_when_signatures_are_required()
    {
        var response = await Axon(new AxonOptions { RequireSignature = true }).HandleAsync(Pull().WithHeader("bt_header_dendrite_signature", null));
        Assert.Equal("Not Verified with error: Missing signature", response.Message());
    }

    [Fact]
    public async Task A_signature_without_0x_is_401_invalid_signature_format()
    {
        var request = Pull();
        var response = await Axon().HandleAsync(request.WithHeader("bt_header_dendrite_signature", request.Header("bt_header_dendrite_signature")[2..]));
        Assert.Equal("Not Verified with error: Invalid signature format. Expected hex string.", response.Message());
    }

    [Fact]
    public async Task A_signature_of_the_wrong_length_is_401_invalid_signature()
    {
        var response = await Axon().HandleAsync(Pull().WithHeader("bt_header_dendrite_signature", "0xabcd"));
        Assert.Equal("Not Verified with error: Invalid signature", response.Message());
    }

    [Fact]
    public async Task A_signature_over_the_bytes_wrapped_message_is_accepted_through_the_retry()
    {
        var request = Pull();
        var message = $"{Nonce}.{KnownKeys.AliceSs58}.{KnownKeys.BobSs58}.{Uuid}.{EmptyBodyHash}";
        Assert.Equal(200, (await Axon().HandleAsync(request.SignedAs(Alice, $"<Bytes>{message}</Bytes>"))).StatusCode);
    }

    private AxonPipeline Axon(AxonOptions? options = null, TimeProvider? time = null) =>
        new AxonPipeline(KnownKeys.BobSs58, options ?? new AxonOptions(), time ?? _time).Attach<PullTask>((pull, _) => ValueTask.FromResult(pull));

    private AxonRequest Pull() => AxonRequests.From(_alice.Prepare(new PullTask(), Bob, TimeSpan.FromSeconds(12)));
}
