using System.Text.Json;

namespace Miner.Specs.TestKit;

/// <summary>A JSON-RPC request as <see cref="FakeSubtensorNode"/> received it; <see cref="Connection"/> counts from 1.</summary>
public sealed record FakeRpcRequest(int Connection, string IdJson, string Method, JsonElement Params)
{
    public int ParamCount => Params.ValueKind == JsonValueKind.Array ? Params.GetArrayLength() : 0;

    public string? StringParam(int index) =>
        index < ParamCount && Params[index].ValueKind == JsonValueKind.String ? Params[index].GetString() : null;
}
