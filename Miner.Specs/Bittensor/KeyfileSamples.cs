using static Miner.Specs.Bittensor.KnownKeys;

namespace Miner.Specs.Bittensor;

/// <summary>Keyfile texts: the spec's btwallet example (§4.2) and variations of it.</summary>
public static class KeyfileSamples
{
    public const string BtwalletPhrase = "old leopard transfer rib spatial phone calm indicate online fire caution review";

    public static string Btwallet(
        string? accountId = "0x" + BtwalletPublic,
        string? publicKey = "0x" + BtwalletPublic,
        string? privateKey = "0x" + BtwalletPrivateKey,
        string? secretPhrase = BtwalletPhrase,
        string? secretSeed = "0x" + BtwalletSeed,
        string? ss58Address = BtwalletSs58)
    {
        var fields = new List<string>();
        void Add(string name, string? value)
        {
            if (value is not null) fields.Add($"\"{name}\":\"{value}\"");
        }
        Add("accountId", accountId);
        Add("publicKey", publicKey);
        Add("privateKey", privateKey);
        Add("secretPhrase", secretPhrase);
        Add("secretSeed", secretSeed);
        Add("ss58Address", ss58Address);
        return "{" + string.Join(",", fields) + "}";
    }

    public static string PublicOnly(string publicKey, string ss58) =>
        $"{{\"accountId\":\"0x{publicKey}\",\"publicKey\":\"0x{publicKey}\",\"ss58Address\":\"{ss58}\"}}";

    /// <summary>True when <paramref name="text"/> contains any part of the btwallet sample's secrets.</summary>
    public static bool RevealsBtwalletSecret(string text) =>
        text.Contains(BtwalletSeed[..12], StringComparison.OrdinalIgnoreCase) ||
        text.Contains(BtwalletPrivateKey[..12], StringComparison.OrdinalIgnoreCase) ||
        text.Contains(BtwalletPrivateKey[64..76], StringComparison.OrdinalIgnoreCase) ||
        text.Contains("leopard", StringComparison.Ordinal);
}
