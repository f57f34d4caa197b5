namespace Miner.Host.Commands.Devnet.Validators;

/// <summary>What `miner devnet validators` was asked for; null values keep devnet.conf's settings.</summary>
/// <param name="State">Folder for metagraph.json and validators.json (created when missing).</param>
/// <param name="Miners">Hotkeys (SS58) the validators recognise, listed in metagraph.json with uids from the validator count on.</param>
/// <param name="TasksPerValidator">Tasks each validator hands out before it answers with no task; null: no end.</param>
public sealed record DevnetValidatorsRequest(string State, IReadOnlyList<string> Miners, int? Validators = null, int? TasksPerValidator = null,
    int? Seed = null);
