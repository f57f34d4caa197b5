using Miner.Actors.Generation;
using Miner.Actors.Mining.Edge;
using Miner.Models.Protocol;
using Miner.Models.Splats;

namespace Miner.Actors.Mining.Submission;

/// <summary>
/// The router hands the Submitter a finished task with its protocol context. <see cref="GenerationOutcome.Declined"/>
/// (or a missing cloud) is submitted empty, which costs no penalty.
/// </summary>
public sealed record SubmitRequest(
    string TaskId, ValidatorInfo Validator, ProtocolTask Task, GenerationOutcome Outcome, GaussianCloud? Cloud, string Reason, DateTimeOffset PulledAt);

/// <summary>The Submitter is done with a task: <see cref="Delivered"/> when the validator answered.</summary>
public sealed record SubmissionFinished(string TaskId, string Hotkey, bool Delivered, bool Declined, bool Accepted, string Detail);
