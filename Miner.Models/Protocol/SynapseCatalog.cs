namespace Miner.Models.Protocol;

/// <summary>
/// The synapses this project speaks, by Python class name, with the fields pydantic marks required. A dendrite
/// sends one <c>bt_header_input_obj_{field}</c> header per required field (base64 of the JSON of an empty value),
/// because the axon builds a synapse from the headers alone before it reads the body.
/// </summary>
internal static class SynapseCatalog
{
    public sealed record RequiredField(string Name, string EmptyJson);

    /// <param name="CreateEmpty">An instance with defaults and empty required fields (an axon's header-built synapse).</param>
    public sealed record Entry(string Name, Type Type, IReadOnlyList<RequiredField> RequiredFields, Func<Synapse> CreateEmpty);

    public static IReadOnlyList<Entry> All { get; } =
    [
        new(PingSynapse.SynapseName, typeof(PingSynapse), [], () => new PingSynapse()),
        new(PullTask.SynapseName, typeof(PullTask), [], () => new PullTask()),
        new(SubmitResults.SynapseName, typeof(SubmitResults),
            [new("results", "\"\""), new("submit_time", "0"), new("signature", "\"\"")],
            () => new SubmitResults { Results = "", SubmitTime = 0, Signature = "" }),
        new(GetVersion.SynapseName, typeof(GetVersion), [], () => new GetVersion()),
    ];

    public static Entry? ByName(string name) => All.FirstOrDefault(e => e.Name == name);

    public static Entry Of(Type type) =>
        All.FirstOrDefault(e => e.Type == type) ?? throw new ArgumentException($"{type.Name} is not a synapse this project speaks", nameof(type));
}
