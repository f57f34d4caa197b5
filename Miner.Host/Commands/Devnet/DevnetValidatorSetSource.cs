using System.Net;
using Miner.Actors.Mining.Metagraph;
using Miner.Host.Devnet;
using Miner.Models.Bittensor.Chain;
using Miner.Models.Bittensor.Wire;

namespace Miner.Host.Commands.Devnet;

/// <summary>
/// The validator set from the devnet's metagraph file (<see cref="DevnetMetagraphFile"/> format, re-read at every
/// sync). Each axon address still goes through the address policy, so only a devnet run that allows loopback can use it.
/// </summary>
public sealed class DevnetValidatorSetSource(string path, AxonAddressPolicy policy) : IValidatorSetSource
{
    public string Description => $"devnet metagraph file {path}";

    public Task<IReadOnlyList<ValidatorCandidate>> LoadAsync(CancellationToken cancellation)
    {
        // FormatException names the file and field; the metagraph actor logs it and keeps the last good set.
        var metagraph = DevnetMetagraphFile.Read(path);
        return Task.FromResult(Candidates(metagraph, policy));
    }

    /// <summary>The file's validators as candidates, each axon judged by <paramref name="policy"/> (also `miner run`'s preflight).</summary>
    public static IReadOnlyList<ValidatorCandidate> Candidates(DevnetMetagraph metagraph, AxonAddressPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(metagraph);
        return metagraph.Validators.Select(v => ToCandidate(v, policy)).ToList();
    }

    private static ValidatorCandidate ToCandidate(DevnetMetagraphValidator validator, AxonAddressPolicy policy)
    {
        if (!validator.Serving) return new ValidatorCandidate(validator.Uid, validator.Hotkey, null, validator.Stake, "axon is not serving");
        var address = IPAddress.Parse(validator.Ip);
        var verdict = policy.Evaluate(address);
        return verdict.Allowed
            ? new ValidatorCandidate(validator.Uid, validator.Hotkey, new AxonTarget(address, validator.Port, validator.Hotkey), validator.Stake, null)
            : new ValidatorCandidate(validator.Uid, validator.Hotkey, null, validator.Stake, $"address {validator.Ip} refused: {verdict.Reason}",
                verdict.RefusalKind);
    }
}
