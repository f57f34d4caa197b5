using System.Text;
using Miner.Models.Bittensor.Crypto;
using Miner.Models.Bittensor.Keys;

namespace Miner.Host.Commands.Keys;

/// <summary>
/// <c>miner keys verify --ss58 ADDR --message TEXT --signature 0x…</c>: checks an sr25519
/// signature over the UTF-8 bytes of TEXT the way a bittensor axon does (plain, then wrapped in
/// &lt;Bytes&gt;…&lt;/Bytes&gt;). Without --ss58 the configured hotkey's public key is used.
/// The signature may be hex (0x optional) or base64 (the licence-signature form).
/// </summary>
public sealed class KeysVerifyCommand
{
    public const int Valid = 0;
    public const int Invalid = 1;
    public const int BadArguments = 2;

    public int Run(WalletLocation wallet, string? ss58, string message, string signature, TextWriter stdout, TextWriter stderr)
    {
        byte[] publicKey;
        try
        {
            publicKey = string.IsNullOrEmpty(ss58) ? new Wallet(wallet).LoadHotkeyPublicKey() : Ss58.Decode(ss58);
        }
        catch (Exception e) when (e is Ss58FormatException or KeyfileException)
        {
            stderr.WriteLine($"error: {e.Message}");
            return BadArguments;
        }
        if (ParseSignature(signature) is not { } signatureBytes)
        {
            stderr.WriteLine("error: the signature must be 64 bytes as 0x + 128 hex digits, or as base64");
            return BadArguments;
        }
        var bytes = Encoding.UTF8.GetBytes(message);
        if (Sr25519.Verify(publicKey, bytes, signatureBytes))
        {
            stdout.WriteLine("valid");
            return Valid;
        }
        if (Sr25519.VerifyWithBytesWrapperFallback(publicKey, bytes, signatureBytes))
        {
            stdout.WriteLine("valid (signed as <Bytes>message</Bytes>)");
            return Valid;
        }
        stdout.WriteLine("invalid");
        return Invalid;
    }

    private static byte[]? ParseSignature(string text)
    {
        var trimmed = text.Trim();
        var hex = trimmed.StartsWith("0x", StringComparison.OrdinalIgnoreCase) ? trimmed[2..] : trimmed;
        if (hex.Length == 2 * Sr25519Keypair.SignatureLength && hex.All(char.IsAsciiHexDigit)) return Convert.FromHexString(hex);
        var buffer = new byte[Sr25519Keypair.SignatureLength + 3];
        return Convert.TryFromBase64String(trimmed, buffer, out var written) && written == Sr25519Keypair.SignatureLength
            ? buffer[..written]
            : null;
    }
}
