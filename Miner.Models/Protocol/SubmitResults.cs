namespace Miner.Models.Protocol;

/// <summary>
/// A miner submits a result for its assigned task (<c>/SubmitResults</c>). <see cref="Results"/> is base64 of the
/// SPZ bytes, or empty to decline the task without penalty; <see cref="Signature"/> is the licence signature
/// (<see cref="LicenseDeclaration"/>). The validator answers with feedback and the next cooldown.
/// </summary>
public sealed record SubmitResults : Synapse
{
    public const string SynapseName = "SubmitResults";

    /// <summary>The <c>data_format</c>, <c>data_ver</c> and <c>compression</c> values the subnet expects.</summary>
    public const string PlyFormat = "ply";
    public const int SpzCompression = 2;

    public override string Name => SynapseName;

    /// <summary>Deprecated: the validator falls back to <c>task.id</c> only when <see cref="TaskId"/> is empty.</summary>
    public ProtocolTask? Task { get; init; }

    public string TaskId { get; init; } = "";

    public required string Results { get; init; }

    public string DataFormat { get; init; } = PlyFormat;

    public long DataVer { get; init; }

    public long Compression { get; init; } = SpzCompression;

    /// <summary>Unix time in nanoseconds; part of the licence message.</summary>
    public required long SubmitTime { get; init; }

    public required string Signature { get; init; }

    public Feedback? Feedback { get; init; }

    /// <summary>Unix seconds until which the validator will not hand this miner another task.</summary>
    public long CooldownUntil { get; init; }

    /// <summary>Keeps megabytes of base64 out of logs.</summary>
    protected override bool PrintMembers(System.Text.StringBuilder builder)
    {
        builder.Append($"TaskId = {TaskId}, Results = {Results.Length} base64 chars, SubmitTime = {SubmitTime}, ");
        builder.Append($"Feedback = {Feedback}, CooldownUntil = {CooldownUntil}");
        return true;
    }
}
