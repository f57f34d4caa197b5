using System.Net;
using System.Text;
using Miner.Models.Bittensor.Crypto;
using Miner.Models.Bittensor.Wire;

namespace Miner.Specs.Bittensor.Wire;

/// <summary>Turns a dendrite's prepared request into what an axon pipeline receives, with edits for rejection specs.</summary>
internal static class AxonRequests
{
    public static AxonRequest From(DendriteRequest request) =>
        new("POST", request.Url.AbsolutePath, [.. request.Headers, new("content-type", DendriteRequest.ContentType)], request.Body,
            IPAddress.Parse(WireSamples.MinerIp), 40000);

    public static AxonRequest WithHeader(this AxonRequest request, string name, string? value)
    {
        var headers = request.Headers.Where(h => h.Key != name).ToList();
        if (value is not null) headers.Add(new(name, value));
        return request with { Headers = headers };
    }

    public static AxonRequest WithoutHeaders(this AxonRequest request, string prefix) =>
        request with { Headers = request.Headers.Where(h => !h.Key.StartsWith(prefix, StringComparison.Ordinal)).ToList() };

    public static string Header(this AxonRequest request, string name) => request.Headers.Single(h => h.Key == name).Value;

    /// <summary>Signs <paramref name="message"/> as the miner would, so a spec can get past verification with odd headers.</summary>
    public static AxonRequest SignedAs(this AxonRequest request, Sr25519Keypair signer, string message) =>
        request.WithHeader("bt_header_dendrite_signature", "0x" + Convert.ToHexStringLower(signer.Sign(Encoding.UTF8.GetBytes(message))));

    public static string Text(this AxonResponse response) => Encoding.UTF8.GetString(response.Body);

    public static string Message(this AxonResponse response) =>
        System.Text.Json.JsonDocument.Parse(response.Body).RootElement.GetProperty("message").GetString()!;

    public static string? Header(this AxonResponse response, string name) =>
        response.Headers.Where(h => h.Key == name).Select(h => h.Value).SingleOrDefault();
}
